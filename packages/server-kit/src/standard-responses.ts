// Responses every route can produce whether or not it says so: the perimeter answers 401/403, the input guard
// and schemas 400, the error handler 404/409/500, the router 405. Each route's OpenAPI document lists them
// (TMF conformance profiles check the documented codes), and an existing path asked with a method it does not
// serve answers 405 with `Allow` instead of a misleading 404.
import { envelope, ErrorEnvelope } from '@bss/policy';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';

/** Error statuses added to every documented route's responses unless it declares its own schema for them. */
export const STANDARD_ERROR_STATUSES = [400, 401, 403, 404, 405, 409, 500] as const;

/** `/a/:id/b` → a matcher for concrete paths of that pattern (params never span a `/`). */
function patternMatcher(url: string): RegExp {
  const body = url
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg === '*' ? '.*' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${body}$`);
}

/** An index far past any status code; writing and deleting it leaves an object with dictionary elements. */
const SPARSE_INDEX = 1 << 20;

/**
 * An empty object whose integer-like keys (status codes) V8 keeps in a dictionary. Filled with `200` … `500`
 * in ascending order, a plain object gets a fast-elements array of ~620 slots (~5 KB) per route; the fleet has
 * ~550 route contexts (DECISIONS.md, 2026-12-01 fleet memory).
 */
function statusKeyed(): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  o[SPARSE_INDEX] = undefined;
  delete o[SPARSE_INDEX];
  return o;
}

/** Installs the onRoute hook (documented statuses) and returns the lookup the not-found handler uses for 405. */
export function installStandardResponses(app: FastifyInstance): (path: string) => string[] {
  const routes: { methods: string[]; match: RegExp }[] = [];
  // The HEAD route Fastify adds for each GET comes with the GET's own schema object: both get the same result.
  const withStandard = new WeakMap<object, object>();
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = ([] as string[]).concat(route.method);
    routes.push({ methods, match: patternMatcher(route.url) });
    const schema = route.schema as { hide?: boolean; response?: Record<string, unknown> } | undefined;
    if (!schema || schema.hide || !schema.response) return;
    const known = withStandard.get(schema);
    if (known) {
      route.schema = known;
      return;
    }
    const response = Object.assign(statusKeyed(), schema.response);
    for (const status of STANDARD_ERROR_STATUSES) response[String(status)] ??= ErrorEnvelope;
    route.schema = { ...schema, response };
    withStandard.set(schema, route.schema);
  });
  return (path) => [...new Set(routes.filter((r) => r.match.test(path)).flatMap((r) => r.methods))].sort();
}

/** The not-found handler: 405 + `Allow` when the path exists under other methods, else the 404 envelope. */
export function notFoundOrMethodNotAllowed(allowedFor: (path: string) => string[]) {
  return (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0]!;
    const allowed = allowedFor(path);
    if (allowed.length > 0) {
      const body = envelope(405, 'METHOD_NOT_ALLOWED', 'route.method_not_allowed', `${req.method} is not supported here; use ${allowed.join(', ')}`, {
        method: req.method,
        allowed,
      });
      return reply.code(405).header('allow', allowed.join(', ')).type('application/json').send(body);
    }
    const body = envelope(404, 'NOT_FOUND', 'route.not_found', `no route ${req.method} ${path}`, { method: req.method, path });
    return reply.code(404).type('application/json').send(body);
  };
}
