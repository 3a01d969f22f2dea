// Contract test of payment_method.remove.not_last_if_active_subscription: the payment app uses its real
// HTTP subscription adapter against a stubbed subscription endpoint (node:http) that answers an active line.
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cardBody, http, METHODS, type TestApp } from './helpers.ts';
import { startStub, type StubServer } from './stub-server.ts';

let db: TestDatabase;
let subs: StubServer;
let t: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  subs = await startStub((req) => {
    const customerId = new URL(req.url ?? '/', 'http://x').searchParams.get('customerId');
    if (customerId === 'CUST-live') return { status: 200, body: [{ id: 'SUB-0042', customerId, state: 'active', offeringId: 'PLAN_S', atType: 'Subscription' }] };
    if (customerId === 'CUST-down') return { status: 503, body: { code: 'INTERNAL' } };
    return { status: 200, body: [{ id: 'SUB-0043', customerId, state: 'terminated' }] };
  });
  // No subscription fake: createDeps wires the production HTTP adapter from BSS_SUBSCRIPTION_URL.
  t = await buildTestApp(db, { subscriptions: undefined }, { BSS_SUBSCRIPTION_URL: subs.url });
});
afterAll(async () => {
  await t?.app.close();
  await subs?.close();
  await db?.drop();
});

describe('removing the last card against a live subscription service', () => {
  it('refuses while the subscription service reports an active subscription', async () => {
    const api = http(t.app);
    const pm = (await api.post(METHODS, cardBody('CUST-live'))).json().id;
    const res = await api.del(`${METHODS}/${pm}`);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'POLICY_VIOLATION',
      reason: 'payment_method.remove.not_last_if_active_subscription',
      context: { subscriptionIds: ['SUB-0042'] },
    });
    expect(subs.requests.some((r) => r.url === '/subscription-api/v1/subscription?customerId=CUST-live')).toBe(true);
  });

  it('allows it when every subscription is terminated', async () => {
    const api = http(t.app);
    const pm = (await api.post(METHODS, cardBody('CUST-ended'))).json().id;
    expect((await api.del(`${METHODS}/${pm}`)).statusCode).toBe(204);
  });

  it('answers 503 (and removes nothing) when the subscription service is down', async () => {
    const api = http(t.app);
    const pm = (await api.post(METHODS, cardBody('CUST-down'))).json().id;
    const res = await api.del(`${METHODS}/${pm}`);
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('DOWNSTREAM_UNAVAILABLE');
    expect((await api.get(`${METHODS}/${pm}`)).json().status).toBe('active');
  });
});
