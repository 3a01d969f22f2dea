// API tests of the MSISDN pool: listing, counts, reserve/assign/release with their rule ids, add-range and
// the pool_low watermark — against real Postgres through the platform app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, outboxEvents, startHarness, type Harness } from './inventory/harness.ts';

let h: Harness;
const M = '/inventory-api/v1/msisdn';

beforeAll(async () => {
  // watermark 997: the third reservation in this file leaves 997 available and stages pool_low
  h = await startHarness({ env: { BSS_INVENTORY_MSISDN_POOL_LOW_THRESHOLD: '997' } });
});
afterAll(async () => h?.close());

describe('reading the pool', () => {
  it('lists the seeded numbers in order with X-Total-Count, filtered by status and prefix', async () => {
    const all = await call(h.app, 'GET', `${M}?limit=3&offset=1`);
    expect(all.status).toBe(200);
    expect(all.body.map((m: { msisdn: string }) => m.msisdn)).toEqual(['90000001', '90000002', '90000003']);
    expect(all.headers['x-total-count']).toBe('1000');
    expect(all.body[0]).toEqual({
      msisdn: '90000001', status: 'available', origin: 'seed', reservedAt: null, assignedAt: null,
      assignedToSubscriptionId: null, assignedToCustomerId: null, portedOutAt: null, portRequestId: null,
    });
    const prefixed = await call(h.app, 'GET', `${M}?prefix=9000099&limit=50`);
    expect(prefixed.body).toHaveLength(10);
    expect(prefixed.headers['x-total-count']).toBe('10');
    const none = await call(h.app, 'GET', `${M}?status=ported_out`);
    expect(none.body).toEqual([]);
    expect(none.headers['x-total-count']).toBe('0');
  });

  it('counts by status (zero-filled) and gets one number', async () => {
    const count = await call(h.app, 'GET', `${M}/count?prefix=900001`);
    expect(count.body).toEqual({ available: 100, reserved: 0, assigned: 0, portedOut: 0, total: 100, prefix: '900001' });
    const one = await call(h.app, 'GET', `${M}/90000042`);
    expect(one.status).toBe(200);
    expect(one.body.msisdn).toBe('90000042');
  });

  it('answers an unknown number with 404 on every route, keeping the documented rule ids (msisdn.assign.not_found, msisdn.release.not_found)', async () => {
    for (const [method, url, body, reason] of [
      ['GET', `${M}/99999999`, undefined, 'msisdn.not_found'],
      ['POST', `${M}/99999999/reserve`, undefined, 'msisdn.not_found'],
      ['POST', `${M}/99999999/assign`, { subscriptionId: 'SUB-1', customerId: 'CUST-1' }, 'msisdn.assign.not_found'],
      ['POST', `${M}/99999999/release`, undefined, 'msisdn.release.not_found'],
    ] as const) {
      const res = await call(h.app, method, url, body);
      expect(res.status, url).toBe(404);
      expect(res.body).toMatchObject({ code: 'NOT_FOUND', reason, context: { msisdnId: '99999999' } });
    }
  });
});

describe('reserve → assign → release', () => {
  it('reserves a specific number (200) and refuses it again with msisdn.reserve.status_must_be_available', async () => {
    const res = await call(h.app, 'POST', `${M}/90000500/reserve`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ msisdn: '90000500', status: 'reserved', reservedAt: '2026-06-01T00:00:00.000Z' });
    const again = await call(h.app, 'POST', `${M}/90000500/reserve`);
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ code: 'POLICY_VIOLATION', reason: 'msisdn.reserve.status_must_be_available', context: { msisdn: '90000500', status: 'reserved' } });
  });

  it('reserves the lowest available number (201), or one matching a prefix or pattern', async () => {
    const next = await call(h.app, 'POST', `${M}/reserve-next`);
    expect(next.status).toBe(201);
    expect(next.body.msisdn).toBe('90000000');
    const prefixed = await call(h.app, 'POST', `${M}/reserve-next`, { preference: '9000077' });
    expect(prefixed.body.msisdn).toBe('90000770');
    const pattern = await call(h.app, 'POST', `${M}/reserve-next`, { preference: '9000*88' });
    expect(pattern.body.msisdn).toBe('90000088');
    const single = await call(h.app, 'POST', `${M}/reserve-next`, { preference: '9000?99?' });
    expect(single.body.msisdn).toBe('90000990');
  });

  it('refuses reserve-next when nothing matches with msisdn.reserve.no_available', async () => {
    const res = await call(h.app, 'POST', `${M}/reserve-next`, { preference: '555' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ reason: 'msisdn.reserve.no_available', context: { preference: '555' } });
  });

  it('stages inventory.msisdn.pool_low on every reservation at or below the watermark', async () => {
    const low = await outboxEvents(h.db, 'inventory.msisdn.pool_low');
    // five reservations so far: 999, 998, 997 (first at the watermark), 996, 995
    expect(low.map((e) => e.payload)).toEqual([
      { available: 997, threshold: 997 },
      { available: 996, threshold: 997 },
      { available: 995, threshold: 997 },
    ]);
    expect(low[0]).toMatchObject({ aggregateType: 'msisdn_pool', aggregateId: 'DEFAULT' });
  });

  it('assigns a reserved number writing both the subscription and the customer link', async () => {
    const res = await call(h.app, 'POST', `${M}/90000500/assign`, { subscriptionId: 'SUB-0001', customerId: 'CUST-aaaa0001' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'assigned', assignedToSubscriptionId: 'SUB-0001', assignedToCustomerId: 'CUST-aaaa0001', assignedAt: '2026-06-01T00:00:00.000Z' });
    const replay = await call(h.app, 'POST', `${M}/90000500/assign`, { subscriptionId: 'SUB-0001', customerId: 'CUST-aaaa0001' });
    expect(replay.status).toBe(200);
    const [event] = await outboxEvents(h.db, 'inventory.msisdn.assigned');
    expect(event!.payload).toMatchObject({ msisdn: '90000500', subscriptionId: 'SUB-0001', customerId: 'CUST-aaaa0001' });
  });

  it('refuses to assign an available number, or an assigned one to another subscription (msisdn.assign.must_be_reserved)', async () => {
    const avail = await call(h.app, 'POST', `${M}/90000600/assign`, { subscriptionId: 'SUB-2', customerId: 'CUST-2' });
    expect(avail.status).toBe(422);
    expect(avail.body).toMatchObject({ reason: 'msisdn.assign.must_be_reserved', context: { msisdn: '90000600', status: 'available' } });
    const stolen = await call(h.app, 'POST', `${M}/90000500/assign`, { subscriptionId: 'SUB-OTHER', customerId: 'CUST-2' });
    expect(stolen.status).toBe(422);
    expect(stolen.body).toMatchObject({ reason: 'msisdn.assign.must_be_reserved', context: { assignedToSubscriptionId: 'SUB-0001' } });
  });

  it('releases an assigned number back to available with its links cleared', async () => {
    const res = await call(h.app, 'POST', `${M}/90000500/release`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'available', reservedAt: null, assignedAt: null, assignedToSubscriptionId: null, assignedToCustomerId: null });
    const [event] = await outboxEvents(h.db, 'inventory.msisdn.released');
    expect(event!.payload).toMatchObject({ msisdn: '90000500', previousStatus: 'assigned', previousSubscriptionId: 'SUB-0001' });
  });

  it('refuses to release an available number with msisdn.release.only_if_reserved_or_assigned', async () => {
    const res = await call(h.app, 'POST', `${M}/90000500/release`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ reason: 'msisdn.release.only_if_reserved_or_assigned', context: { msisdn: '90000500', status: 'available' } });
  });

  it('never releases a ported_out number (msisdn.release.terminal_status)', async () => {
    await h.db.pool.query(`UPDATE inventory.msisdn_pool SET status = 'ported_out', assigned_to_subscription_id = 'SUB-9' WHERE msisdn = '90000901'`);
    const res = await call(h.app, 'POST', `${M}/90000901/release`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ reason: 'msisdn.release.terminal_status', context: { msisdn: '90000901', status: 'ported_out' } });
  });

  it('records every write as an event in crm.outbox', async () => {
    const types = new Set((await outboxEvents(h.db)).map((e) => e.eventType));
    expect(types).toEqual(new Set(['inventory.msisdn.reserved', 'inventory.msisdn.pool_low', 'inventory.msisdn.assigned', 'inventory.msisdn.released']));
  });
});

describe('add-range', () => {
  it('inserts only the missing numbers (idempotent) and stages inventory.msisdn.range_added', async () => {
    const first = await call(h.app, 'POST', `${M}/add-range`, { prefix: '8100', count: 20 });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ prefix: '8100', count: 20, inserted: 20, skipped: 0, first: '81000000', last: '81000019' });
    const again = await call(h.app, 'POST', `${M}/add-range`, { prefix: '8100', count: 25 });
    expect(again.body).toMatchObject({ inserted: 5, skipped: 20, last: '81000024' });
    const numbers = await call(h.app, 'GET', `${M}?prefix=8100&limit=100`);
    expect(numbers.headers['x-total-count']).toBe('25');
    expect(numbers.body[0]).toMatchObject({ status: 'available', origin: 'range' });
    const events = await outboxEvents(h.db, 'inventory.msisdn.range_added');
    expect(events.map((e) => e.payload)).toEqual([first.body, again.body]);
    expect(events[0]).toMatchObject({ aggregateType: 'msisdn_pool', aggregateId: '8100' });
  });

  it('leaves existing numbers (any status) untouched', async () => {
    await call(h.app, 'POST', `${M}/90000100/reserve`);
    const res = await call(h.app, 'POST', `${M}/add-range`, { prefix: '9000', count: 200 });
    expect(res.body).toMatchObject({ inserted: 0, skipped: 200 });
    expect((await call(h.app, 'GET', `${M}/90000100`)).body.status).toBe('reserved');
  });

  it.each([
    [{ prefix: '81a0', count: 1 }, { prefix: '81a0' }],
    [{ prefix: '810', count: 1 }, { prefix: '810', length: 3 }],
    [{ prefix: '81000000', count: 1 }, { prefix: '81000000', length: 8 }],
    [{ prefix: '8100', count: 0 }, { count: 0 }],
    [{ prefix: '8100', count: 10001 }, { count: 10001 }],
  ])('refuses %j with msisdn.add_range.sane_prefix', async (body, context) => {
    const res = await call(h.app, 'POST', `${M}/add-range`, body);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ reason: 'msisdn.add_range.sane_prefix', context });
  });
});
