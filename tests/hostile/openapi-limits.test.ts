// Every request field of every committed OpenAPI document is bounded: strings have maxLength (or are an enum or a
// constant), arrays have maxItems, free-form objects bound their values; the body/depth/param limits are
// published. `pnpm openapi:check` keeps the committed documents equal to what the code serves.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Schema = Record<string, unknown> & { $ref?: string; type?: string; properties?: Record<string, Schema>; items?: Schema; additionalProperties?: unknown };
interface Doc {
  info: Record<string, unknown>;
  paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema: Schema }[]; requestBody?: { content?: Record<string, { schema: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

function unbounded(doc: Doc): string[] {
  const problems: string[] = [];
  const walk = (s: Schema | undefined, at: string, seen: Set<string>): void => {
    if (!s || typeof s !== 'object') return;
    if (s.$ref) {
      const name = s.$ref.split('/').pop()!;
      if (seen.has(name)) return;
      return walk(doc.components?.schemas?.[name], at, new Set([...seen, name]));
    }
    for (const k of ['anyOf', 'oneOf', 'allOf'] as const) for (const branch of (s[k] as Schema[] | undefined) ?? []) walk(branch, at, seen);
    if (s.type === 'string' && s.maxLength === undefined && s.enum === undefined && s.const === undefined) problems.push(`${at}: string without maxLength`);
    if (s.type === 'array') {
      if (s.maxItems === undefined) problems.push(`${at}: array without maxItems`);
      walk(s.items, `${at}[]`, seen);
    }
    for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${at}.${k}`, seen);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') walk(s.additionalProperties as Schema, `${at}.*`, seen);
  };
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      for (const p of op.parameters ?? []) walk(p.schema, `${method.toUpperCase()} ${path} ${p.in}.${p.name}`, new Set());
      walk(op.requestBody?.content?.['application/json']?.schema, `${method.toUpperCase()} ${path} body`, new Set());
    }
  }
  return problems;
}

describe.each(['catalog', 'crm', 'payment', 'subscription'])('%s OpenAPI document', (service) => {
  const doc = JSON.parse(readFileSync(new URL(`../../services/${service}/openapi.json`, import.meta.url), 'utf8')) as Doc;

  it('bounds every string and array a request may carry', () => {
    expect(unbounded(doc)).toEqual([]);
  });

  it('publishes the body, depth, path-parameter and header limits', () => {
    expect(doc.info['x-bss-limits']).toEqual({ maxBodyBytes: 1_048_576, maxJsonDepth: 32, maxPathParamLength: 500, maxHeaderBytes: 16_384 });
  });
});
