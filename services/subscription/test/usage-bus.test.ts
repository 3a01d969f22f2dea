// usage.rated through the real broker into the running subscription service's consumer (prefetch, real
// redelivery of duplicates published twice): the balance ends at exactly the distinct usage, blocked at zero once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyLine, serviceOrderCompleted, startHarness, type Harness } from './fleet-harness.ts';
import { balancesOf, outboxOf, stateOf, usageRated } from './lifecycle-fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

describe('usage.rated over the bus', () => {
  it('30 records, each published twice (and some re-rated), decrement exactly and block once at zero', async () => {
    const ready = await readyLine(h);
    expect(await h.deliver(serviceOrderCompleted(ready))).toBe('handled');
    const { rows } = await h.db.pool.query('SELECT id FROM subscription.subscription WHERE commercial_order_id = $1', [ready.orderId]);
    const line = { id: rows[0].id as string, customerId: ready.customerId, msisdn: ready.msisdn, iccid: ready.iccid };
    await h.db.pool.query(`UPDATE subscription.bundle_balance SET total = 1000 WHERE subscription_id = $1 AND allowance_type = 'data'`, [line.id]);

    const events = Array.from({ length: 30 }, (_, i) => usageRated(line, 'data', 20 + i));
    const rerated = events.filter((_, i) => i % 3 === 0).map((e) => usageRated(line, 'data', e.payload.consumedQuantity as number, { usageEventId: e.payload.usageEventId as string }));
    await Promise.all([...events, ...events, ...rerated].map((e) => h.publish(e)));

    await h.waitFor('every usage record accounted', async () => {
      const { rows: n } = await h.db.pool.query('SELECT count(*)::int AS n FROM subscription.usage_consumption WHERE subscription_id = $1', [line.id]);
      return n[0].n === events.length ? true : undefined;
    });
    const distinct = events.reduce((s, e) => s + (e.payload.consumedQuantity as number), 0);
    expect(distinct).toBeGreaterThan(1000);
    expect((await balancesOf(h.db, line.id)).data).toEqual({ total: 1000, consumed: 1000 });
    const { rows: sums } = await h.db.pool.query('SELECT sum(applied_quantity)::int AS applied, sum(overage_quantity)::int AS overage FROM subscription.usage_consumption WHERE subscription_id = $1', [line.id]);
    expect(sums[0]).toEqual({ applied: 1000, overage: distinct - 1000 });
    expect(await stateOf(h.db, line.id)).toBe('blocked');
    expect(await outboxOf(h.db, 'subscription.blocked', line.id)).toHaveLength(1);
  });
});
