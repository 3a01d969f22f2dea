// A Platform for API tests: real database, in-memory bus, frozen clock, silent logger, no-op tracing.
import { ControllableClock } from '@bss/clock';
import { eventSpec } from '@bss/contracts';
import { ALL_SCOPES, deriveSystemToken, loadServiceConfig, type ServiceConfig, type ServiceName } from '@bss/config';
import type { Database } from '@bss/db';
import { createInMemoryBus, createOutbox, type InMemoryBus } from '@bss/events';
import { createLogger, createTracing } from '@bss/telemetry';
import type { Platform } from '@bss/server-kit';
import type { z } from 'zod';

/** The perimeter token every test app accepts (identity `default`, the operator: every scope). */
export const TEST_TOKEN = 'test-token-0123456789abcdef0123456789';
/** A second token (identity `portal_self_serve`, its default scopes: no catalog:admin, admin or audit:read). */
export const TEST_PORTAL_TOKEN = 'portal-token-0123456789abcdef012345678';
/** The services' own `system` token in a test deployment (derived from TEST_TOKEN, as in production). */
export const TEST_SYSTEM_TOKEN = deriveSystemToken(TEST_TOKEN);
/** A token of identity `tenant_b` (every business scope) whose tenant is `TENANT_B`. */
export const TEST_TENANT_B_TOKEN = 'tenant-b-token-0123456789abcdef0123456';

/** The identity name holding exactly `scope` in a test deployment (`only_catalog_read`). */
export const scopeIdentity = (scope: string) => `only_${scope.replace(/\W/g, '_')}`;
/** The token of the identity that holds exactly `scope` and nothing else. */
export const scopeToken = (scope: string) => `scope-token-${scope.replace(/\W/g, '-')}-0123456789abcdef0123456789`;

/** Env a test service config is parsed from; override keys per test. */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    BSS_DB_URL: 'postgres://postgres@127.0.0.1:5432/unused',
    BSS_MQ_URL: 'amqp://guest:guest@127.0.0.1:5672',
    BSS_API_TOKEN: TEST_TOKEN,
    BSS_PORTAL_SELF_SERVE_API_TOKEN: TEST_PORTAL_TOKEN,
    BSS_TENANT_B_API_TOKEN: TEST_TENANT_B_TOKEN,
    BSS_TENANT_B_SCOPES: ALL_SCOPES.filter((s) => s !== 'tenant:delegate').join(','),
    BSS_TENANT_B_TENANT: 'TENANT_B',
    // One identity per scope holding only that scope, for the authorization matrix tests.
    ...Object.fromEntries(
      ALL_SCOPES.flatMap((scope) => {
        const key = `BSS_${scopeIdentity(scope).toUpperCase()}`;
        return [
          [`${key}_API_TOKEN`, scopeToken(scope)],
          [`${key}_SCOPES`, scope],
        ];
      }),
    ),
    BSS_ALLOW_ADMIN_RESET: 'true',
    BSS_LOG_LEVEL: 'silent',
    ...overrides,
  };
}

/** A test platform with an inspectable in-memory bus. */
export type TestPlatform<Extra = unknown> = Platform<Extra> & { bus: InMemoryBus };

/** Builds a Platform for `service` on `database`; the clock is frozen at `now`. */
export function testPlatform<Extra = Record<string, never>>(
  service: ServiceName,
  database: Database,
  opts: { now?: string; env?: Record<string, string>; extraEnv?: z.ZodRawShape; outboxSchema?: string } = {},
): TestPlatform<Extra> {
  const config = loadServiceConfig(service, testEnv(opts.env), opts.extraEnv) as ServiceConfig<Extra>;
  const clock = new ControllableClock();
  clock.freeze(new Date(opts.now ?? '2026-06-01T00:00:00Z'));
  return {
    service,
    version: 'test',
    config,
    logger: createLogger(service, 'silent'),
    tracing: createTracing(service),
    clock,
    database,
    bus: createInMemoryBus({ database }),
    outbox: createOutbox(opts.outboxSchema ?? service.replace('-', '_'), clock, { catalog: eventSpec }),
  };
}

/** Headers for an authenticated test request (the operator identity unless `extra` sets another token). */
export function authHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'x-bss-api-token': TEST_TOKEN, ...extra };
}

/** Headers of the customer-facing portal identity (`portal_self_serve`). */
export function portalHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'x-bss-api-token': TEST_PORTAL_TOKEN, ...extra };
}

/** Headers of an identity of tenant `TENANT_B` (every business scope, no delegation). */
export function tenantBHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'x-bss-api-token': TEST_TENANT_B_TOKEN, ...extra };
}
