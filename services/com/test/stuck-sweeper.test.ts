// The stuck-order sweeper on a controllable clock: an order in progress past BSS_COM_STUCK_AFTER_MINUTES since
// its submit is flagged once (flag column + order.stuck), never moved to another state; orders that are
// acknowledged, finished or younger are left alone; a second pass flags nothing new.
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStuckSweeper } from '../src/workers/stuck-sweeper.ts';
import { buildTestApp, customerId, http, ORDERS, outboxEvents, type TestApp } from './helpers.ts';

let db: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof http>;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db, { BSS_COM_STUCK_AFTER_MINUTES: '20' });
  api = http(t.app);
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

const newOrder = async () => (await api.post(ORDERS, { customerId: customerId(), offeringId: 'PLAN_M' })).json().id as string;
const submit = (id: string) => api.post(`/com-api/v1/order/${id}/submit`);
const view = async (id: string) => (await api.get(`/com-api/v1/order/${id}`)).json();

describe('stuck sweeper', () => {
  it('flags an in-progress order once the threshold after submit has passed, exactly once, and never changes its state', async () => {
    const sweeper = createStuckSweeper(t.deps);
    expect(t.deps.stuckAfterMinutes).toBe(20);
    // Created long before it was submitted: the threshold runs from submit, not from order_date.
    const old = await newOrder();
    t.platform.clock.advance(60 * 60_000);
    await submit(old);
    const acknowledged = await newOrder();
    const cancelled = await newOrder();
    await api.post(`/com-api/v1/order/${cancelled}/cancel`, {});
    expect((await sweeper.runOnce()).flagged).toEqual([]);

    t.platform.clock.advance(10 * 60_000);
    const young = await newOrder();
    await submit(young);
    t.platform.clock.advance(10 * 60_000);
    const first = await sweeper.runOnce();
    expect(first.flagged).toEqual([old]);
    const flaggedAt = t.platform.clock.now().toISOString();
    expect(await view(old)).toMatchObject({ state: 'in_progress', stuckFlaggedAt: flaggedAt });
    const [ev] = (await outboxEvents(db, 'order.stuck')).filter((e) => e.aggregate_id === old);
    expect(ev).toMatchObject({ correlation_id: old, payload: { orderId: old, state: 'in_progress', thresholdMinutes: 20 } });

    expect((await sweeper.runOnce()).flagged).toEqual([]);
    t.platform.clock.advance(10 * 60_000);
    expect((await sweeper.runOnce()).flagged).toEqual([young]);
    t.platform.clock.advance(24 * 60 * 60_000);
    expect((await sweeper.runOnce()).flagged).toEqual([]);
    expect((await outboxEvents(db, 'order.stuck')).filter((e) => e.aggregate_id === old)).toHaveLength(1);
    expect((await view(old)).state).toBe('in_progress');
    expect((await view(acknowledged)).stuckFlaggedAt).toBeNull();
    expect((await view(cancelled)).stuckFlaggedAt).toBeNull();
  });
});
