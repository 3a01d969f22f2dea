// Mediation API over a real database with the in-process subscription fake: block at the edge (each rule, nothing
// stored, one usage.rejected event), idempotency on the sender's id, and the list filters and paging.
import { mintedIdPattern } from '@bss/contracts';
import { authHeaders, createTestDatabase, tenantBHeaders, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, fakeSubscriptions, http, line, outboxEvents, shorthand, usageCount, USAGE, type TestApp } from '../helpers.ts';

let db: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof http>;
const subs = fakeSubscriptions([
  line('6590000001'),
  line('6590000002', { state: 'blocked' }),
  line('6590000003', { state: 'pending' }),
  line('6590000004', { offeringId: 'PLAN_S' }),
  line('6590000005'),
]);

beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db, { subscriptions: subs });
  api = http(t.app);
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

describe('recording usage', () => {
  it('stores an accepted record as UE-… and stages usage.recorded with the enrichment, in one transaction', async () => {
    const body = shorthand('6590000001', { roaming: true });
    const res = await api.post(USAGE, body);
    expect(res.statusCode, res.body).toBe(201);
    const u = res.json();
    expect(u.id).toMatch(mintedIdPattern('UE'));
    expect(res.headers.location).toBe(u.href);
    expect(u).toMatchObject({ usageType: 'data', status: 'received', relatedParty: [{ id: 'CUST-6590000001', '@referredType': 'Customer' }] });
    const recorded = (await outboxEvents(db, 'usage.recorded')).find((e) => e.aggregate_id === u.id);
    expect(recorded?.payload).toEqual({
      usageEventId: u.id,
      subscriptionId: 'SUB-6590000001',
      customerId: 'CUST-6590000001',
      msisdn: '6590000001',
      eventType: 'data',
      eventTime: '2026-05-31T10:00:00.000Z',
      quantity: 100,
      unit: 'mb',
      roaming: true,
      offeringId: 'PLAN_M',
      source: 'test',
      externalId: body.externalId,
    });
  });

  const refusals: [string, string, Record<string, unknown>, Record<string, unknown>][] = [
    ['a zero quantity', 'usage.record.positive_quantity', shorthand('6590000001', { quantity: 0 }), { quantity: 0 }],
    ['a negative quantity', 'usage.record.positive_quantity', shorthand('6590000001', { quantity: -5 }), { quantity: -5 }],
    ['an unknown event type', 'usage.record.valid_event_type', shorthand('6590000001', { eventType: 'mms' }), { eventType: 'mms', validTypes: ['data', 'voice', 'sms'] }],
    ['roaming as an event type', 'usage.record.valid_event_type', shorthand('6590000001', { eventType: 'data_roaming' }), { eventType: 'data_roaming' }],
    ['a unit not the type’s', 'usage.record.unit_matches_event_type', shorthand('6590000001', { eventType: 'voice', unit: 'mb' }), { expectedUnit: 'minutes', unit: 'mb' }],
    ['sms counted in minutes', 'usage.record.unit_matches_event_type', shorthand('6590000001', { eventType: 'sms', unit: 'minutes' }), { expectedUnit: 'count' }],
    ['a line no subscription holds', 'usage.record.subscription_must_exist', shorthand('6599999999'), { msisdn: '6599999999' }],
    ['a blocked subscription', 'usage.record.subscription_must_be_active', shorthand('6590000002'), { subscriptionId: 'SUB-6590000002', state: 'blocked' }],
    ['a pending subscription', 'usage.record.subscription_must_be_active', shorthand('6590000003'), { state: 'pending' }],
  ];

  it.each(refusals)('refuses %s with 422 %s, stores nothing and commits one usage.rejected', async (_what, rule, body, context) => {
    const before = await usageCount(db);
    const rejectedBefore = (await outboxEvents(db, 'usage.rejected')).length;
    const res = await api.post(USAGE, body);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ code: 'POLICY_VIOLATION', reason: rule, context });
    expect(await usageCount(db)).toBe(before);
    const rejected = await outboxEvents(db, 'usage.rejected');
    expect(rejected).toHaveLength(rejectedBefore + 1);
    expect(rejected.at(-1)!.payload).toMatchObject({ msisdn: body.msisdn, reason: rule, externalId: body.externalId, quantity: body.quantity });
  });

  it('checks the record before asking the subscription service about its line', async () => {
    subs.calls.length = 0;
    await api.post(USAGE, shorthand('6590000001', { quantity: 0 }));
    await api.post(USAGE, shorthand('6590000001', { eventType: 'fax' }));
    expect(subs.calls).toEqual([]);
  });

  it('names the subscription and its state on a refusal for an inactive line', async () => {
    const body = shorthand('6590000002');
    await api.post(USAGE, body);
    const event = (await outboxEvents(db, 'usage.rejected')).find((e) => e.payload.externalId === body.externalId)!;
    expect(event).toMatchObject({ aggregate_id: 'SUB-6590000002', payload: { subscriptionId: 'SUB-6590000002', subscriptionState: 'blocked' } });
  });

  it('answers 400 naming the field for a malformed body, before any rule', async () => {
    const res = await api.post(USAGE, shorthand('6590000001', { quantity: 1.5 }));
    expect(res.statusCode).toBe(400);
    expect((await api.post(USAGE, { msisdn: '6590000001' })).statusCode).toBe(400);
  });
});

describe('idempotency on the sender id', () => {
  it('stores and counts a record posted twice once: the replay answers the first record with 200', async () => {
    const body = shorthand('6590000005');
    const first = await api.post(USAGE, body);
    const again = await api.post(USAGE, body);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const recorded = (await outboxEvents(db, 'usage.recorded')).filter((e) => e.payload.externalId === body.externalId);
    expect(recorded).toHaveLength(1);
  });

  it('stores one record when the same id races in concurrently', async () => {
    const body = shorthand('6590000005');
    const results = await Promise.all(Array.from({ length: 8 }, () => api.post(USAGE, body)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    const rows = await db.pool.query('SELECT count(*) AS n FROM mediation.usage WHERE external_id = $1', [body.externalId]);
    expect(Number(rows.rows[0].n)).toBe(1);
  });

  it('replays a stored record even after its line was blocked (it was accepted when it happened)', async () => {
    const body = shorthand('6590000004');
    expect((await api.post(USAGE, body)).statusCode).toBe(201);
    subs.set(line('6590000004', { offeringId: 'PLAN_S', state: 'blocked' }));
    expect((await api.post(USAGE, body)).statusCode).toBe(200);
    subs.set(line('6590000004', { offeringId: 'PLAN_S' }));
  });

  it('refuses a different record under a used sender id', async () => {
    const body = shorthand('6590000005');
    await api.post(USAGE, body);
    const res = await api.post(USAGE, { ...body, quantity: 999 });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ reason: 'usage.record.external_id_matches_request', context: { differingFields: ['quantity'] } });
  });

  it('stores records without a sender id each time', async () => {
    const { externalId: _, ...body } = shorthand('6590000005');
    expect((await api.post(USAGE, body)).statusCode).toBe(201);
    expect((await api.post(USAGE, body)).statusCode).toBe(201);
  });
});

describe('reading usage', () => {
  let ids: string[];
  beforeAll(async () => {
    subs.set(line('6590000099', { id: 'SUB-LIST' }));
    ids = [];
    for (const [i, [eventType, unit]] of [['data', 'mb'], ['voice', 'minutes'], ['sms', 'count'], ['data', 'mb']].entries()) {
      const res = await api.post(USAGE, shorthand('6590000099', { eventType, unit, eventTime: `2026-04-0${i + 1}T00:00:00Z` }));
      ids.push(res.json().id);
    }
  });

  it('gets one record, 404 for an unknown id', async () => {
    expect((await api.get(`${USAGE}/${ids[0]}`)).json().id).toBe(ids[0]);
    const res = await api.get(`${USAGE}/UE-NOPE`);
    expect(res.statusCode).toBe(404);
    expect(res.json().reason).toBe('usage.not_found');
  });

  it('lists by line, newest event first, with the filtered total', async () => {
    const res = await api.get(`${USAGE}?msisdn=6590000099&limit=2`);
    expect(res.json().map((u: { id: string }) => u.id)).toEqual([ids[3], ids[2]]);
    expect(res.headers['x-total-count']).toBe('4');
    expect(res.headers['x-result-count']).toBe('2');
    const page2 = await api.get(`${USAGE}?msisdn=6590000099&limit=2&offset=2`);
    expect(page2.json().map((u: { id: string }) => u.id)).toEqual([ids[1], ids[0]]);
    const past = await api.get(`${USAGE}?msisdn=6590000099&offset=10`);
    expect(past.json()).toEqual([]);
    expect(past.headers['x-total-count']).toBe('4');
  });

  it('filters by subscription, usage type and a time window', async () => {
    expect((await api.get(`${USAGE}?subscriptionId=SUB-LIST&usageType=data`)).json().map((u: { id: string }) => u.id)).toEqual([ids[3], ids[0]]);
    const window = await api.get(`${USAGE}?subscriptionId=SUB-LIST&since=2026-04-02T00:00:00Z&until=2026-04-04T00:00:00Z`);
    expect(window.json().map((u: { id: string }) => u.id)).toEqual([ids[2], ids[1]]);
    expect((await api.get(`${USAGE}?since=2026-04-04T00:00:00Z&until=2026-04-02T00:00:00Z`)).statusCode).toBe(400);
  });

  it('projects fields, keeping id, href and @type', async () => {
    const [u] = (await api.get(`${USAGE}?subscriptionId=SUB-LIST&fields=usageDate&limit=1`)).json();
    expect(Object.keys(u).sort()).toEqual(['@type', 'href', 'id', 'usageDate']);
  });
});

describe('tenants', () => {
  it('keeps each tenant’s records and sender ids apart', async () => {
    const body = shorthand('6590000001');
    const post = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url: USAGE, payload: body, headers: { 'content-type': 'application/json', ...headers } });
    const mine = await post(authHeaders());
    const theirs = await post(tenantBHeaders());
    // the same sender id in another tenant is another record, not a replay
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);
    expect(theirs.json().id).not.toBe(mine.json().id);
    expect((await t.app.inject({ method: 'GET', url: `${USAGE}/${theirs.json().id}`, headers: authHeaders() })).statusCode).toBe(404);
    const listed = await t.app.inject({ method: 'GET', url: `${USAGE}?msisdn=6590000001&limit=1000`, headers: tenantBHeaders() });
    expect(listed.json().map((u: { id: string }) => u.id)).toEqual([theirs.json().id]);
  });
});
