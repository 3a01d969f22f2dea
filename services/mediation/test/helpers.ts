// Shared test wiring: a mediation app on a real test database with an in-process subscription lookup (or the real
// HTTP adapter pointed at a stand-in server, see subscription-stand-in.ts).
import type { App } from '@bss/server-kit';
import { authHeaders, testPlatform, type TestDatabase, type TestPlatform } from '@bss/testing';
import type { LineSubscription, SubscriptionLookup } from '../src/adapters/subscription-lookup.ts';
import { buildApp } from '../src/app.ts';
import { createDeps, type DepsOverrides, type MediationDeps } from '../src/deps.ts';

export const NOW = '2026-06-01T00:00:00Z';
export const USAGE = '/tmf-api/usageManagement/v4/usage';

/** A line's subscription (active on PLAN_M unless overridden). */
export function line(msisdn: string, overrides: Partial<LineSubscription> = {}): LineSubscription {
  return { id: `SUB-${msisdn}`, customerId: `CUST-${msisdn}`, state: 'active', offeringId: 'PLAN_M', msisdn, ...overrides };
}

/** The in-process fake: the subscriptions it knows, by line; counts lookups. */
export function fakeSubscriptions(lines: LineSubscription[] = []): SubscriptionLookup & { calls: string[]; set(sub: LineSubscription): void } {
  const byMsisdn = new Map(lines.map((l) => [l.msisdn, l]));
  const calls: string[] = [];
  return {
    calls,
    set: (sub) => void byMsisdn.set(sub.msisdn, sub),
    findByMsisdn: async (msisdn) => {
      calls.push(msisdn);
      return byMsisdn.get(msisdn);
    },
  };
}

export interface TestApp {
  app: App;
  platform: TestPlatform;
  deps: MediationDeps;
}

/** Builds a ready mediation app on `db`; `overrides.subscriptions` undefined = the real HTTP adapter. */
export async function buildTestApp(db: TestDatabase, overrides: DepsOverrides = {}, env: Record<string, string> = {}): Promise<TestApp> {
  const platform = testPlatform('mediation', db, { now: NOW, env });
  const deps = createDeps(platform, overrides);
  const app = await buildApp(deps);
  await app.ready();
  return { app, platform: platform as TestPlatform, deps };
}

let seq = 0;
/** A shorthand body: 100 mb of home data on `msisdn` with a fresh external id. */
export function shorthand(msisdn: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  return { msisdn, eventType: 'data', eventTime: '2026-05-31T10:00:00Z', quantity: 100, unit: 'mb', source: 'test', externalId: `cdr-${process.pid}-${seq}`, ...overrides };
}

export function http(app: App) {
  const headers = { 'content-type': 'application/json', ...authHeaders() };
  return {
    post: (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object, headers }),
    get: (url: string) => app.inject({ method: 'GET', url, headers: authHeaders() }),
  };
}

/** Outbox rows of `eventType` (oldest first). */
export async function outboxEvents(db: TestDatabase, eventType: string): Promise<{ aggregate_id: string; payload: Record<string, unknown> }[]> {
  const res = await db.pool.query('SELECT aggregate_id, payload FROM mediation.outbox WHERE event_type = $1 ORDER BY id', [eventType]);
  return res.rows;
}

export const usageCount = async (db: TestDatabase): Promise<number> => Number((await db.pool.query('SELECT count(*) AS n FROM mediation.usage')).rows[0].n);
