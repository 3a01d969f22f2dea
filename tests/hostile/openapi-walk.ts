// The property-based hostile-input walk: reads a service's own OpenAPI document, and for every operation sends
// requests in which one parameter or body field (or the body as a whole) is replaced by a hostile value, then
// checks the answer is never a 5xx and every non-2xx is the project envelope. Shared by the per-service suites.
import type { App } from '@bss/server-kit';
import { authHeaders } from '@bss/testing';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  default?: unknown;
  minimum?: number;
  minItems?: number;
};
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema: Schema;
}
export interface Operation {
  method: string;
  path: string;
  params: Parameter[];
  body: Schema | undefined;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Every operation of `doc`, the reset last (it empties the tables the other operations could reach). */
export function operationsOf(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return ops.sort((a, b) => Number(a.path.endsWith('/reset')) - Number(b.path.endsWith('/reset')));
}

/** Resolves `$ref` and picks the first non-null branch of a union, so a skeleton has one concrete shape. */
function concrete(schema: Schema | undefined, doc: OpenApiDoc, depth = 0): Schema {
  if (!schema || depth > 8) return {};
  if (schema.$ref) return concrete(doc.components?.schemas?.[schema.$ref.split('/').pop()!], doc, depth + 1);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return concrete(union.find((s) => s.type !== 'null') ?? union[0], doc, depth + 1);
  if (schema.allOf?.length) return concrete(schema.allOf[0], doc, depth + 1);
  return schema;
}

/** Ids of real records, by parameter or field name, so hostile values reach past the 404 into the service. */
export type KnownIds = Record<string, string>;

/** A plausible value for `schema`: what a well-behaved client would send, so the hostile field is the only fault. */
function plausible(schema: Schema | undefined, doc: OpenApiDoc, ids: KnownIds, depth = 0, name?: string): unknown {
  if (name !== undefined && ids[name] !== undefined) return ids[name];
  const s = concrete(schema, doc);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'date-time') return '2026-06-01T00:00:00Z';
      if (s.format === 'date') return '1990-02-03';
      if (s.format === 'email') return 'hostile@example.com';
      if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (s.pattern) return fc.sample(fc.stringMatching(new RegExp(s.pattern)), { numRuns: 1, seed: 1 })[0];
      return 'X1';
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return depth > 4 ? [] : Array.from({ length: Math.max(1, s.minItems ?? 0) }, () => plausible(s.items, doc, ids, depth + 1));
    case 'object': {
      if (depth > 4) return {};
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = plausible(v, doc, ids, depth + 1, k);
      return out;
    }
    default:
      return undefined;
  }
}

/** Paths (lists of keys) of every field of the body skeleton, nested objects and array items included. */
function fieldPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : [];
  return [at, ...children.flatMap(([k, v]) => fieldPaths(v, [...at, k]))];
}

function withField(body: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = replacement;
  return copy;
}

/** A marker a body may carry where the raw text must hold something JSON.stringify cannot produce. */
const DEEP = '\u0001deep\u0001';
const deepNesting = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

/** Strings that broke, or could break, something between the socket and Postgres. */
export const hostileString = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\uD800',
    'x\uDFFFy',
    '\uDBFF\uDBFF',
    'x'.repeat(100_000),
    '0000-01-01T00:00:00Z',
    '-000001-01-01T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    '99999-01-01',
    '0000-01-01',
    '9999-12-31T23:59:59-14:00',
    '2026-02-30T00:00:00Z',
    "' OR 1=1 --",
    '${jndi:ldap://x}',
    '../../etc/passwd',
    '%',
    '%00',
    '\\',
    '"',
    '\u202E\u0007',
    'NaN',
    '-1',
    '1e400',
    '99999999999999999999',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** Numbers and non-numbers where numbers are expected. */
export const hostileNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, 2 ** 63, -(2 ** 63), 2 ** 31, -(2 ** 31) - 1, -1, 0, -0, 0.5, Number.MAX_SAFE_INTEGER + 2, 5e-324),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Wrong types and shapes. */
export const hostileShape = fc.constantFrom<unknown>(null, true, [], {}, [[[]]], JSON.parse('{"__proto__":{"polluted":true}}'), [null], { a: { b: { c: 'd' } } }, DEEP);

export const hostileValue = fc.oneof(hostileString, hostileNumber, hostileShape);

/** A path segment: raw (already percent-encoded) text the router has to survive. */
export const hostilePathSegment = fc.oneof(
  fc.constantFrom('%E0%A4%A', '%ED%A0%80', '%00', '%C0%AF', '%', '%%', '%2F..%2F', 'a'.repeat(600), 'a'.repeat(150), '%F0%9F%98%80', '..', '.', '%20', 'CUST-%00'),
  hostileString.filter((s) => s.isWellFormed()).map((s) => encodeURIComponent(s)),
);

/** A query value: raw text for the query string. */
export const hostileQueryValue = fc.oneof(
  fc.constantFrom('%E0%A4%A', '%ED%A0%80', '%00', '', 'NaN', 'Infinity', '-0', '1e999', '0x10', '-1', '99999999999999999999', '0000-01-01T00:00:00Z', '%2B275760-09-13T00:00:00Z', 'a'.repeat(10_000)),
  hostileString.filter((s) => s.isWellFormed()).map((s) => encodeURIComponent(s)),
);

/** Whole-request faults that have nothing to do with one field. */
type WholeFault = 'empty-json' | 'deep' | 'nan-literal' | 'wrong-media-type' | 'array-body' | 'huge' | 'repeated-query';
const wholeFault = fc.constantFrom<WholeFault>('empty-json', 'deep', 'nan-literal', 'wrong-media-type', 'array-body', 'huge', 'repeated-query');

type Case =
  | { kind: 'path'; param: string; segment: string }
  | { kind: 'query'; param: string; value: string }
  | { kind: 'body'; field: (string | number)[]; value: unknown }
  | { kind: 'whole'; fault: WholeFault };

function caseArbitrary(op: Operation, skeleton: unknown): fc.Arbitrary<Case> {
  // Field-level faults weigh three times a whole-request fault: they are where the operations differ.
  const arbs: fc.WeightedArbitrary<Case>[] = [{ arbitrary: fc.record({ kind: fc.constant('whole' as const), fault: wholeFault }), weight: 1 }];
  const pathParams = op.params.filter((p) => p.in === 'path').map((p) => p.name);
  const queryParams = op.params.filter((p) => p.in === 'query').map((p) => p.name);
  if (pathParams.length) {
    arbs.push({ arbitrary: fc.record({ kind: fc.constant('path' as const), param: fc.constantFrom(...pathParams), segment: hostilePathSegment }), weight: 3 });
  }
  if (queryParams.length) {
    arbs.push({ arbitrary: fc.record({ kind: fc.constant('query' as const), param: fc.constantFrom(...queryParams), value: hostileQueryValue }), weight: 3 });
  }
  if (op.body) {
    const fields = fieldPaths(skeleton);
    arbs.push({ arbitrary: fc.record({ kind: fc.constant('body' as const), field: fc.constantFrom(...fields), value: hostileValue }), weight: 3 });
  }
  return fc.oneof(...arbs);
}

function buildRequest(op: Operation, doc: OpenApiDoc, ids: KnownIds, c: Case, extraHeaders: Record<string, string>) {
  let url = op.path;
  for (const p of op.params.filter((x) => x.in === 'path')) {
    const v = c.kind === 'path' && c.param === p.name ? c.segment : encodeURIComponent(String(plausible(p.schema, doc, ids, 0, p.name)));
    url = url.replace(`{${p.name}}`, v);
  }
  const query: string[] = [];
  if (c.kind === 'query') query.push(`${encodeURIComponent(c.param)}=${c.value}`);
  if (c.kind === 'whole' && c.fault === 'repeated-query' && op.params.some((p) => p.in === 'query')) {
    const name = encodeURIComponent(op.params.find((p) => p.in === 'query')!.name);
    query.push(`${name}=1`, `${name}=2`);
  }
  if (query.length) url += `?${query.join('&')}`;
  const skeleton = op.body ? plausible(op.body, doc, ids) : undefined;
  const headers: Record<string, string> = { ...authHeaders(extraHeaders), 'content-type': 'application/json' };
  let payload: string | undefined = skeleton === undefined ? undefined : JSON.stringify(skeleton);
  if (c.kind === 'body') payload = JSON.stringify(withField(skeleton, c.field, c.value)).replaceAll(JSON.stringify(DEEP), deepNesting(10_000));
  if (c.kind === 'whole') {
    if (c.fault === 'empty-json') payload = undefined;
    if (c.fault === 'deep') payload = deepNesting(10_000);
    if (c.fault === 'nan-literal') payload = '{"value": NaN, "n": Infinity}';
    if (c.fault === 'wrong-media-type') {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = 'a=1&b=%00';
    }
    if (c.fault === 'array-body') payload = JSON.stringify([skeleton ?? {}]);
    if (c.fault === 'huge') payload = JSON.stringify({ pad: 'x'.repeat(1_100_000) });
  }
  return { method: op.method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) };
}

/** Asserts the answer is no 5xx and, when it is not a 2xx, the project envelope with a matching status. */
export function assertEnvelope(res: LightMyRequestResponse, what: string): void {
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode < 300) return;
  let body: Record<string, unknown>;
  try {
    body = res.json();
  } catch {
    throw new Error(`${what} → ${res.statusCode} with a body that is not JSON: ${res.body.slice(0, 200)}`);
  }
  expect(body, what).toMatchObject({
    code: expect.any(String),
    reason: expect.any(String),
    message: expect.any(String),
    status: String(res.statusCode),
    context: expect.any(Object),
  });
}

/** After each operation: the service is alive and the clock still tells a valid time. */
export async function assertHealthy(app: App, what: string): Promise<void> {
  const health = await app.inject({ method: 'GET', url: '/health' });
  expect(health.statusCode, `/health after ${what}`).toBe(200);
  const clock = await app.inject({ method: 'GET', url: '/admin-api/v1/clock/now', headers: authHeaders() });
  expect(clock.statusCode, `clock after ${what}`).toBe(200);
  expect(Number.isNaN(Date.parse(clock.json().now)), `clock after ${what}`).toBe(false);
}

/** Base seed, fixed and logged in the suite names so a failure replays (fast-check prints the seed and path too). */
export const SEED = 20261201;
/** Hostile requests per operation: ~10 each keeps a service's whole walk within a few seconds. */
export const RUNS_PER_OPERATION = 10;

/** Walks every operation of `app`'s own OpenAPI document with hostile requests. Returns requests sent. */
export async function walkOperations(
  app: App,
  opts: { ids?: KnownIds; headers?: Record<string, string>; afterEach?: () => Promise<void> } = {},
): Promise<{ operations: number; requests: number }> {
  const ids = opts.ids ?? {};
  const doc = app.swagger() as unknown as OpenApiDoc;
  const ops = operationsOf(doc);
  let requests = 0;
  for (const [index, op] of ops.entries()) {
    const what = `${op.method} ${op.path}`;
    const skeleton = op.body ? plausible(op.body, doc, ids) : undefined;
    await fc.assert(
      fc.asyncProperty(caseArbitrary(op, skeleton), async (c) => {
        requests++;
        const res = await app.inject(buildRequest(op, doc, ids, c, opts.headers ?? {}));
        assertEnvelope(res, `${what} ${JSON.stringify(c).slice(0, 200)}`);
      }),
      // One seed per operation (SEED + its index), so operations do not all draw the same sequence of cases.
      { numRuns: RUNS_PER_OPERATION, seed: SEED + index, endOnFailure: true },
    );
    await assertHealthy(app, what);
    await opts.afterEach?.();
  }
  return { operations: ops.length, requests };
}
