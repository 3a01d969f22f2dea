// The subscription port over real HTTP: mediation built with its production adapter, pointed at a stand-in server
// for the (not yet built) subscription service. Lookup found / unknown line / downstream failure → 201 / 422 / 503.
import { createTestDatabase, TEST_SYSTEM_TOKEN, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpSubscriptionLookup } from '../../src/adapters/subscription-lookup.ts';
import { buildTestApp, http, line, outboxEvents, shorthand, USAGE, type TestApp } from '../helpers.ts';
import { startSubscriptionStandIn, type SubscriptionStandIn } from '../subscription-stand-in.ts';

let db: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof http>;
let standIn: SubscriptionStandIn;

beforeAll(async () => {
  db = await createTestDatabase();
  standIn = await startSubscriptionStandIn([line('6592000001'), line('6592000002', { state: 'terminated' })]);
  t = await buildTestApp(db, {}, { BSS_SUBSCRIPTION_URL: standIn.url });
  api = http(t.app);
});
afterAll(async () => {
  await t?.app.close();
  await standIn?.close();
  await db?.drop();
});

describe('the HTTP subscription lookup', () => {
  it('finds the line, ignores fields it does not use, and treats 404 as no subscription', async () => {
    const lookup = createHttpSubscriptionLookup({ baseUrl: standIn.url, token: 'any' });
    expect(await lookup.findByMsisdn('6592000001')).toEqual(line('6592000001'));
    expect(await lookup.findByMsisdn('6592999999')).toBeUndefined();
  });

  it('records usage enriched over HTTP, calling with the service’s own system token', async () => {
    standIn.requests.length = 0;
    const res = await api.post(USAGE, shorthand('6592000001'));
    expect(res.statusCode, res.body).toBe(201);
    expect(standIn.requests).toEqual([{ path: '/subscription-api/v1/subscription/by-msisdn/6592000001', token: TEST_SYSTEM_TOKEN }]);
    const recorded = (await outboxEvents(db, 'usage.recorded')).find((e) => e.aggregate_id === res.json().id);
    expect(recorded?.payload).toMatchObject({ subscriptionId: 'SUB-6592000001', customerId: 'CUST-6592000001', offeringId: 'PLAN_M' });
  });

  it('refuses an unknown line and a terminated subscription with their rules', async () => {
    expect((await api.post(USAGE, shorthand('6592999999'))).json().reason).toBe('usage.record.subscription_must_exist');
    expect((await api.post(USAGE, shorthand('6592000002'))).json()).toMatchObject({ reason: 'usage.record.subscription_must_be_active', context: { state: 'terminated' } });
  });

  it('answers 503 and stores nothing (not even a rejection) when the subscription service fails', async () => {
    standIn.failWith = 500;
    try {
      const before = (await outboxEvents(db, 'usage.rejected')).length;
      const res = await api.post(USAGE, shorthand('6592000001'));
      expect(res.statusCode).toBe(503);
      expect(res.json().code).toBe('DOWNSTREAM_UNAVAILABLE');
      expect((await outboxEvents(db, 'usage.rejected')).length).toBe(before);
    } finally {
      standIn.failWith = undefined;
    }
  });
});
