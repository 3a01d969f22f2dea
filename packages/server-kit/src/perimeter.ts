// The API-token perimeter: every request but the probes must carry X-BSS-API-Token matching a configured
// token (compared in constant time); the matched token names the caller's service identity.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiToken } from '@bss/config';
import { envelope } from '@bss/policy';
import type { FastifyInstance } from 'fastify';

/** Paths reachable without a token: liveness and readiness probes (orchestrators carry no secrets). */
export const EXEMPT_PATHS = new Set(['/health', '/ready']);
const DOC_PATHS = /^\/(docs(\/.*)?|openapi\.json)$/;

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Returns the identity for `presented`, or undefined. Hashing first makes the comparison length-independent. */
export function matchToken(tokens: ApiToken[], presented: string): string | undefined {
  const p = digest(presented);
  let identity: string | undefined;
  for (const t of tokens) {
    // No early exit: every configured token is compared, so timing does not reveal which one matched.
    if (timingSafeEqual(digest(t.token), p)) identity ??= t.identity;
  }
  return identity;
}

declare module 'fastify' {
  interface FastifyRequest {
    serviceIdentity: string;
  }
}

/** Installs the perimeter as the first onRequest hook. */
export function installPerimeter(app: FastifyInstance, tokens: ApiToken[], opts: { publicDocs: boolean }): void {
  app.decorateRequest('serviceIdentity', 'anonymous');
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0]!;
    if (EXEMPT_PATHS.has(path) || (opts.publicDocs && DOC_PATHS.test(path))) return;
    const presented = req.headers['x-bss-api-token'];
    if (typeof presented !== 'string' || presented.length === 0) {
      return reply
        .code(401)
        .header('x-request-id', req.id)
        .send(envelope(401, 'AUTH_MISSING_TOKEN', 'auth.missing_token', 'X-BSS-API-Token header required'));
    }
    const identity = matchToken(tokens, presented);
    if (!identity) {
      return reply
        .code(401)
        .header('x-request-id', req.id)
        .send(envelope(401, 'AUTH_INVALID_TOKEN', 'auth.invalid_token', 'invalid API token'));
    }
    req.serviceIdentity = identity;
  });
}
