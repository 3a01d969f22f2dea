// A Platform for API tests: real database, in-memory bus, frozen clock, silent logger, no-op tracing.
import { ControllableClock } from '@bss/clock';
import { eventSpec } from '@bss/contracts';
import { loadServiceConfig, type ServiceConfig, type ServiceName } from '@bss/config';
import type { Database } from '@bss/db';
import { createInMemoryBus, createOutbox, type InMemoryBus } from '@bss/events';
import { createLogger, createTracing } from '@bss/telemetry';
import type { Platform } from '@bss/server-kit';
import type { z } from 'zod';

/** The perimeter token every test app accepts (identity `default`). */
export const TEST_TOKEN = 'test-token-0123456789abcdef0123456789';
/** A second token (identity `portal_self_serve`). */
export const TEST_PORTAL_TOKEN = 'portal-token-0123456789abcdef012345678';

/** Env a test service config is parsed from; override keys per test. */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    BSS_DB_URL: 'postgres://postgres@127.0.0.1:5432/unused',
    BSS_MQ_URL: 'amqp://guest:guest@127.0.0.1:5672',
    BSS_API_TOKEN: TEST_TOKEN,
    BSS_PORTAL_SELF_SERVE_API_TOKEN: TEST_PORTAL_TOKEN,
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

/** Headers for an authenticated test request. */
export function authHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'x-bss-api-token': TEST_TOKEN, ...extra };
}
