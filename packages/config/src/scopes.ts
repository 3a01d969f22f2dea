// The authorization vocabulary: the scopes a route can require and the scopes each well-known identity holds
// by default. A route needs exactly one scope; an identity holds a set of them (see tokens.ts).
import { SERVICE_NAMES, type ServiceName } from './services.ts';

/** The scope prefix of a service: `provisioning-sim` answers to `provisioning:*`. */
export function scopeStem(service: ServiceName): string {
  return service === 'provisioning-sim' ? 'provisioning' : service;
}

const SERVICE_SCOPES = SERVICE_NAMES.flatMap((s) => [`${scopeStem(s)}:read`, `${scopeStem(s)}:write`]);

/**
 * Every scope there is. Besides `<service>:read|write`:
 * - `catalog:admin` — operator catalog writes (offerings, prices); a customer-facing portal never holds it;
 * - `admin` — clock moves, operational reset, replay and parked-message handling (also needs BSS_ALLOW_ADMIN_RESET);
 * - `audit:read` — the outbox audit trail of a service;
 * - `payment:read_all` — list payments and payment methods across customers (the operator's view); without it a
 *   list must name `customerId`, so a customer-facing identity only ever reads the customer it names;
 * - `tenant:delegate` — the identity acts for the tenant named in `X-BSS-Tenant` instead of its own
 *   (held by the services' own `system` identity, which calls on behalf of whichever tenant's request it serves).
 */
export const ALL_SCOPES: readonly string[] = [...SERVICE_SCOPES, 'catalog:admin', 'admin', 'audit:read', 'payment:read_all', 'tenant:delegate'];

const readWrite = (...services: string[]) => services.flatMap((s) => [`${s}:read`, `${s}:write`]);

/**
 * Default scopes of the known identity names (`BSS_<NAME>_API_TOKEN`); `BSS_<NAME>_SCOPES` replaces them.
 * `default` is the operator identity of `BSS_API_TOKEN` and always holds every scope.
 */
export const DEFAULT_IDENTITY_SCOPES: Readonly<Record<string, readonly string[]>> = {
  default: ALL_SCOPES,
  // What a customer-facing portal needs: browse the catalog, sign up and manage the customer, pay, order, use
  // and top up the line. No catalog:admin, admin, audit:read or tenant:delegate.
  portal_self_serve: ['catalog:read', ...readWrite('crm', 'payment', 'com', 'subscription'), 'som:read', 'mediation:read', 'rating:read'],
  // The CSR portal and the operator cockpit run every business operation and read the audit trail.
  portal_csr: [...SERVICE_SCOPES, 'audit:read', 'payment:read_all'],
  operator_cockpit: [...SERVICE_SCOPES, 'catalog:admin', 'audit:read', 'payment:read_all'],
  // The LLM agent: every business operation and the audit trail, never admin or catalog administration.
  agent: [...SERVICE_SCOPES, 'audit:read', 'payment:read_all'],
  // Scenarios drive time and reset data, so they hold everything.
  scenario: ALL_SCOPES,
  // Service-to-service calls: business operations for whichever tenant the originating request belongs to.
  system: [...SERVICE_SCOPES, 'payment:read_all', 'tenant:delegate'],
};

/** Type guard for a scope of the vocabulary. */
export function isScope(scope: string): boolean {
  return ALL_SCOPES.includes(scope);
}
