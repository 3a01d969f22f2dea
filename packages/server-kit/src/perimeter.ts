// The perimeter: authentication and authorization by identity, never by a caller-asserted header. Every
// request but the probes carries X-BSS-API-Token matching a configured identity (compared in constant time);
// every route requires exactly one scope, resolved when it is registered, and the identity must hold it. The
// identity also fixes the tenant (only `tenant:delegate` holders may name another in X-BSS-Tenant). Routes
// requiring `admin` are also closed while BSS_ALLOW_ADMIN_RESET is off, whoever asks.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiToken } from '@bss/config';
import { envelope } from '@bss/policy';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resolveRouteScope, type RouteScope } from './route-scope.ts';

/** Paths reachable without a token: liveness and readiness probes (orchestrators carry no secrets). */
export const EXEMPT_PATHS = new Set(['/health', '/ready']);
const DOC_PATHS = /^\/(docs(\/.*)?|openapi\.json)$/;
const TENANT = /^[A-Z][A-Z0-9_]{0,31}$/;
/** What a request holds until the perimeter knows its identity (frozen: shared by every such request). */
const NO_SCOPES: readonly string[] = Object.freeze([]);

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Returns the identity presenting `presented`, or undefined. Hashing first makes the comparison length-independent. */
export function matchToken(tokens: ApiToken[], presented: string): ApiToken | undefined {
  return tokenMatcher(tokens)(presented);
}

/**
 * matchToken over a fixed token list, as the perimeter runs it on every request: the configured tokens are
 * hashed once, and a token that matched is remembered, so the common case (a known token) costs one Map lookup.
 * Only tokens that matched are kept (at most one entry per configured token, whatever callers send), and a miss
 * still takes the full constant-time comparison; the lookup itself reveals nothing the 401/200 does not.
 */
export function tokenMatcher(tokens: ApiToken[]): (presented: string) => ApiToken | undefined {
  const digests = tokens.map((t) => [digest(t.token), t] as const);
  const known = new Map<string, ApiToken>();
  return (presented) => {
    const hit = known.get(presented);
    if (hit) return hit;
    const p = digest(presented);
    let match: ApiToken | undefined;
    for (const [d, t] of digests) {
      // No early exit: every configured token is compared, so timing does not reveal which one matched.
      if (timingSafeEqual(d, p)) match ??= t;
    }
    if (match) known.set(presented, match);
    return match;
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated identity's name (`anonymous` on exempt paths). */
    serviceIdentity: string;
    /** The tenant whose rows this request reads and writes, fixed by the identity. */
    tenant: string;
    /** Every scope the identity holds (empty on exempt paths): for a handler whose answer widens with a second scope. */
    identityScopes: readonly string[];
  }
  interface FastifyInstance {
    /** Every route registered so far with the scope it requires (undefined: exempt), in registration order. */
    routeScopes: RouteScope[];
  }
  interface FastifyContextConfig {
    /** The one scope the route requires; defaulted from method + path at registration (route-scope.ts). */
    scope?: string;
  }
}

const refuse = (reply: FastifyReply, req: FastifyRequest, status: number, body: ReturnType<typeof envelope>) =>
  reply.code(status).header('x-request-id', req.id).send(body);

/** The tenant a request acts for: the identity's own, or for a delegating identity the X-BSS-Tenant it names. */
function tenantOf(identity: ApiToken, header: unknown): string | 'invalid' {
  if (!identity.scopes.includes('tenant:delegate') || header === undefined) return identity.tenant;
  return typeof header === 'string' && TENANT.test(header) ? header : 'invalid';
}

/**
 * Installs the perimeter: an onRoute hook that gives every route its scope (and its OpenAPI security
 * requirement), then the first onRequest hook, which authenticates and authorizes.
 */
export function installPerimeter(app: FastifyInstance, tokens: ApiToken[], opts: { service: string; publicDocs: boolean; allowAdmin: boolean }): void {
  app.decorateRequest('serviceIdentity', 'anonymous');
  app.decorateRequest('tenant', 'DEFAULT');
  app.decorateRequest('identityScopes', null as unknown as readonly string[]);
  const match = tokenMatcher(tokens);
  const routes: RouteScope[] = [];
  app.decorate('routeScopes', routes);
  app.addHook('onRoute', (route) => {
    routes.push(resolveRouteScope(route, opts.service, EXEMPT_PATHS));
  });
  app.addHook('onRequest', async (req, reply) => {
    req.identityScopes = NO_SCOPES;
    const path = req.url.split('?')[0]!;
    if (EXEMPT_PATHS.has(path) || (opts.publicDocs && DOC_PATHS.test(path))) return;
    const presented = req.headers['x-bss-api-token'];
    if (typeof presented !== 'string' || presented.length === 0) {
      return refuse(reply, req, 401, envelope(401, 'AUTH_MISSING_TOKEN', 'auth.missing_token', 'X-BSS-API-Token header required'));
    }
    const identity = match(presented);
    if (!identity) return refuse(reply, req, 401, envelope(401, 'AUTH_INVALID_TOKEN', 'auth.invalid_token', 'invalid API token'));
    // An unknown path has no route and so no scope: any identity learns only that it does not exist (404).
    const scope = req.routeOptions.config?.scope;
    if (scope !== undefined && !identity.scopes.includes(scope)) {
      return refuse(
        reply,
        req,
        403,
        envelope(403, 'AUTH_SCOPE_MISSING', 'auth.scope_missing', `identity ${identity.identity} lacks scope ${scope}`, {
          scope,
          identity: identity.identity,
        }),
      );
    }
    // Checked here, before the body is validated, so no admin route can forget the flag.
    if (scope === 'admin' && !opts.allowAdmin) {
      return refuse(reply, req, 403, envelope(403, 'FORBIDDEN', 'admin.disabled', 'admin routes are disabled (set BSS_ALLOW_ADMIN_RESET=true)', { scope }));
    }
    const tenant = tenantOf(identity, req.headers['x-bss-tenant']);
    if (tenant === 'invalid') {
      return refuse(reply, req, 400, envelope(400, 'VALIDATION_FAILED', 'request.invalid_tenant', 'X-BSS-Tenant must be upper-case letters, digits and _ (at most 32)'));
    }
    req.serviceIdentity = identity.identity;
    req.tenant = tenant;
    req.identityScopes = identity.scopes;
  });
}
