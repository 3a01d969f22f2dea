// The authorization matrix of an app, generated from its own route table (server-kit records every route with
// its scope at registration), so a new route is covered the moment it exists: no hand-kept list to forget.
import { ALL_SCOPES } from '@bss/config';
import type { App } from '@bss/server-kit';
import { scopeToken } from './platform.ts';

/** One request the matrix sends: a route with dummy path values, and the tokens to send it with. */
export interface MatrixRoute {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
  /** The route as registered, e.g. `/crm-api/v1/customer/:customerId`. */
  route: string;
  /** A concrete URL for it, path parameters filled with dummy values. */
  url: string;
  scope: string;
  /** A token holding exactly `scope`. */
  rightToken: string;
  /** A token holding only the scope nearest to `scope` (see nearestOtherScope), not `scope` itself. */
  wrongToken: string;
}

const fill = (url: string) =>
  url
    .replace(/:(\w+)(\([^)]*\))?/g, (_m, name: string) => `X-${name}-0`)
    .replace(/\*$/, 'x');

/**
 * The scope most easily mistaken for `scope`: a write route is tried with the same service's read scope (and
 * vice versa), catalog administration with `catalog:write`, admin with `audit:read`.
 */
function nearestOtherScope(scope: string): string {
  const [stem, kind] = scope.split(':');
  const near = kind === 'write' ? `${stem}:read` : kind === 'read' ? `${stem}:write` : scope === 'catalog:admin' ? 'catalog:write' : 'audit:read';
  return ALL_SCOPES.includes(near) && near !== scope ? near : ALL_SCOPES.find((s) => s !== scope)!;
}

/** Every (method, route) the app requires a scope for; exempt probes are left out. */
export function routeMatrix(app: App): MatrixRoute[] {
  const out: MatrixRoute[] = [];
  for (const r of app.routeScopes) {
    if (r.scope === undefined) continue;
    const other = nearestOtherScope(r.scope);
    for (const method of r.method.split(',')) {
      out.push({ method: method as MatrixRoute['method'], route: r.url, url: fill(r.url), scope: r.scope, rightToken: scopeToken(r.scope), wrongToken: scopeToken(other) });
    }
  }
  return out;
}
