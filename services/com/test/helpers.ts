// Shared test wiring: a COM app on a real test database with in-process fakes of the CRM, catalog, payment
// and SOM ports (STYLE §11). The fakes are plain data a test edits.
import type { App } from '@bss/server-kit';
import { authHeaders, testPlatform, type TestDatabase, type TestPlatform } from '@bss/testing';
import type { CustomerDirectory, CustomerStanding } from '../src/adapters/customer-directory.ts';
import type { OfferingPricing, PriceQuote } from '../src/adapters/offering-pricing.ts';
import type { PaymentMethods } from '../src/adapters/payment-methods.ts';
import type { SomCancelVerdict, SomGate } from '../src/adapters/som-gate.ts';
import { buildApp } from '../src/app.ts';
import { extraEnv } from '../src/config.ts';
import { createDeps, type ComDeps, type DepsOverrides } from '../src/deps.ts';

export const NOW = '2026-06-01T00:00:00Z';
export const ORDERS = '/tmf-api/productOrderingManagement/v4/productOrder';
export const CANCELS = '/tmf-api/productOrderingManagement/v4/cancelProductOrder';

/** The world the fakes answer from: customers (active + reachable by default), prices, cards, SOM verdicts. */
export interface FakeWorld {
  customers: Map<string, CustomerStanding | undefined>;
  quotes: Map<string, PriceQuote>;
  cards: Map<string, string | undefined>;
  som: Map<string, SomCancelVerdict>;
  somCalls: string[];
}

export function fakeWorld(): FakeWorld {
  return {
    customers: new Map(),
    quotes: new Map([
      ['PLAN_S', { kind: 'priced', priceId: 'PRICE_PLAN_S', amount: '10.00', currency: 'SGD' }],
      ['PLAN_M', { kind: 'priced', priceId: 'PRICE_PLAN_M', amount: '25.00', currency: 'SGD' }],
      ['PLAN_L', { kind: 'priced', priceId: 'PRICE_PLAN_L', amount: '45.00', currency: 'SGD' }],
    ]),
    cards: new Map(),
    som: new Map(),
    somCalls: [],
  };
}

export function fakePorts(w: FakeWorld): Required<DepsOverrides> {
  const customers: CustomerDirectory = {
    getStanding: async (id) => (w.customers.has(id) ? w.customers.get(id) : { status: 'active', orderable: true }),
  };
  const offerings: OfferingPricing = { quote: async (id) => w.quotes.get(id) ?? { kind: 'unknown_offering' } };
  const paymentMethods: PaymentMethods = { chooseFor: async (id) => (w.cards.has(id) ? w.cards.get(id) : 'PM-0001') };
  const som: SomGate = {
    cancel: async (orderId) => {
      w.somCalls.push(orderId);
      return w.som.get(orderId) ?? { outcome: 'not_started', serviceOrderId: null };
    },
  };
  return { customers, offerings, paymentMethods, som };
}

export interface TestApp {
  app: App;
  platform: TestPlatform;
  deps: ComDeps;
  world: FakeWorld;
}

/** Builds a ready COM app on `db` with fake ports. */
export async function buildTestApp(db: TestDatabase, env: Record<string, string> = {}): Promise<TestApp> {
  const platform = testPlatform('com', db, { now: NOW, extraEnv, env, outboxSchema: 'order_mgmt' });
  const world = fakeWorld();
  const deps = createDeps(platform, fakePorts(world));
  const app = await buildApp(deps);
  await app.ready();
  return { app, platform: platform as TestPlatform, deps, world };
}

/** Thin inject helpers. */
export function http(app: App) {
  const json = { 'content-type': 'application/json', ...authHeaders() };
  return {
    post: (url: string, payload?: unknown) =>
      app.inject({ method: 'POST', url, ...(payload === undefined ? { headers: authHeaders() } : { payload: payload as object, headers: json }) }),
    patch: (url: string, payload: unknown) =>
      app.inject({ method: 'PATCH', url, payload: payload as object, headers: { ...json, 'content-type': 'application/merge-patch+json' } }),
    get: (url: string) => app.inject({ method: 'GET', url, headers: authHeaders() }),
    del: (url: string) => app.inject({ method: 'DELETE', url, headers: authHeaders() }),
  };
}

let seq = 0;
/** A fresh customer id. */
export const customerId = (tag = 'c') => `CUST-${tag}${process.pid}x${++seq}`;

/** Outbox rows of `eventType` (oldest first). */
export async function outboxEvents(db: TestDatabase, eventType: string): Promise<{ aggregate_id: string; correlation_id: string; payload: Record<string, unknown> }[]> {
  const res = await db.pool.query('SELECT aggregate_id, correlation_id, payload FROM order_mgmt.outbox WHERE event_type = $1 ORDER BY id', [eventType]);
  return res.rows;
}
