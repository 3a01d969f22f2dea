// Every route requires exactly one scope, decided when it is registered (an onRoute hook), so no route can be
// added without one and its OpenAPI document names it. A route states its scope with `config: { scope }`;
// otherwise it is derived from method and path:
//   /admin-api/…  → admin           /audit-api/… → audit:read
//   GET/HEAD      → <service>:read  anything else → <service>:write
import { isScope, isServiceName, scopeStem } from '@bss/config';
import type { RouteOptions } from 'fastify';

/** A registered route and the one scope it requires (undefined for the exempt probes). */
export interface RouteScope {
  method: string;
  url: string;
  scope: string | undefined;
}

/** The scope a route gets when it declares none. */
export function defaultScope(service: string, method: string | string[], url: string): string {
  if (url.startsWith('/admin-api/')) return 'admin';
  if (url.startsWith('/audit-api/')) return 'audit:read';
  const methods = Array.isArray(method) ? method : [method];
  const stem = isServiceName(service) ? scopeStem(service) : service;
  return methods.every((m) => m === 'GET' || m === 'HEAD') ? `${stem}:read` : `${stem}:write`;
}

/** The onRoute hook body: stamps `config.scope` and the route's OpenAPI security requirement. */
export function resolveRouteScope(route: RouteOptions, service: string, exempt: ReadonlySet<string>): RouteScope {
  const method = ([] as string[]).concat(route.method).join(',');
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  if (exempt.has(route.url)) {
    // Probes need no token; the document says so instead of inheriting the global requirement.
    route.schema = { ...schema, security: [] };
    return { method, url: route.url, scope: undefined };
  }
  const declared = (route.config as { scope?: unknown } | undefined)?.scope;
  const scope = declared === undefined ? defaultScope(service, route.method, route.url) : String(declared);
  if (!isScope(scope)) throw new Error(`route ${String(route.method)} ${route.url} requires unknown scope '${scope}'`);
  route.config = { ...(route.config as object | undefined), scope };
  if (!schema.hide) route.schema = { ...schema, security: [{ apiToken: [scope] }] };
  return { method, url: route.url, scope };
}
