// Shared test wiring: a payment app on a real test database with fake CRM/subscription ports (STYLE §11).
import type { payment } from '@bss/contracts';
import type { App } from '@bss/server-kit';
import { authHeaders, testPlatform, type TestDatabase, type TestPlatform } from '@bss/testing';
import type { CustomerDirectory } from '../src/adapters/customer-directory.ts';
import type { SubscriptionDirectory } from '../src/adapters/subscription-directory.ts';
import { buildApp } from '../src/app.ts';
import { extraEnv } from '../src/config.ts';
import { createDeps, type DepsOverrides, type PaymentDeps } from '../src/deps.ts';

export const NOW = '2026-06-01T00:00:00Z';
export const METHODS = '/tmf-api/paymentMethod/v4/paymentMethod';
/** The pre-TMF670 path, still served as an alias. */
export const METHODS_ALIAS = '/tmf-api/paymentMethodManagement/v4/paymentMethod';
export const PAYMENTS = '/tmf-api/paymentManagement/v4/payment';
export const VISA = '4242 4242 4242 4242';
export const MASTERCARD = '5555555555554444';
export const DECLINE_CARD = '4000 0000 0000 0002';
export const ERROR_CARD = '4000 0000 0000 0119';

/** A CRM fake: customers default to `active`; set a status or `undefined` (does not exist) per id. */
export function fakeCustomers(statuses: Record<string, string | undefined> = {}): CustomerDirectory {
  return { getCustomerStatus: async (id) => (id in statuses ? statuses[id] : 'active') };
}

/** A subscription fake: live subscription ids per customer (none by default). */
export function fakeSubscriptions(live: Record<string, string[]> = {}): SubscriptionDirectory & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    listLiveSubscriptionIds: async (customerId) => {
      calls.push(customerId);
      return live[customerId] ?? [];
    },
  };
}

export interface TestApp {
  app: App;
  platform: TestPlatform;
  deps: PaymentDeps;
}

/** Builds a ready payment app on `db` with fake ports; override any port (`undefined` = production adapter). */
export async function buildTestApp(db: TestDatabase, overrides: DepsOverrides = {}, env: Record<string, string> = {}): Promise<TestApp> {
  const platform = testPlatform('payment', db, { now: NOW, extraEnv, env });
  const deps = createDeps(platform, { customers: fakeCustomers(), subscriptions: fakeSubscriptions(), ...overrides });
  const app = await buildApp(deps);
  await app.ready();
  return { app, platform: platform as TestPlatform, deps };
}

/** An add-card body for `customerId` (a valid, unexpired Visa unless overridden). */
export function cardBody(customerId: string, overrides: Partial<payment.AddCardRequest> = {}): payment.AddCardRequest {
  return { customerId, cardNumber: VISA, cvv: '123', expMonth: 12, expYear: 2030, ...overrides };
}

let keySeq = 0;
/** A charge body with a fresh idempotency key. */
export function chargeBody(customerId: string, paymentMethodId: string, overrides: Partial<payment.ChargeRequest> = {}): payment.ChargeRequest {
  keySeq += 1;
  return { customerId, paymentMethodId, amount: '25.00', purpose: 'activation', idempotencyKey: `test-key-${process.pid}-${keySeq}`, ...overrides };
}

/** Thin inject helpers. */
export function http(app: App) {
  const headers = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...authHeaders(), ...extra });
  return {
    post: (url: string, payload?: unknown) =>
      app.inject({ method: 'POST', url, ...(payload === undefined ? { headers: authHeaders() } : { payload: payload as object, headers: headers() }) }),
    get: (url: string) => app.inject({ method: 'GET', url, headers: authHeaders() }),
    del: (url: string) => app.inject({ method: 'DELETE', url, headers: authHeaders() }),
  };
}

/** Outbox rows of `eventType` (newest last). */
export async function outboxEvents(db: TestDatabase, eventType: string): Promise<{ aggregate_id: string; payload: Record<string, unknown> }[]> {
  const res = await db.pool.query('SELECT aggregate_id, payload FROM payment.outbox WHERE event_type = $1 ORDER BY id', [eventType]);
  return res.rows;
}
