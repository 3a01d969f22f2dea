// Plan change and operator price migration against real catalog and payment: scheduling refusals with rule
// ids, the pivot at the next renewal (the price snapshotted when scheduled, the new plan's bundle), cancel,
// and a migration announced per line and applied only at a renewal from its effective date.
import { createCatalogClient } from '@bss/clients';
import { TEST_TOKEN } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenewalSweep } from '../src/services/renewal-sweep.service.ts';
import { readyLine, serviceOrderCompleted, startHarness, type Harness } from './fleet-harness.ts';
import { balancesOf, outboxOf } from './lifecycle-fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

async function activeLine() {
  const ready = await readyLine(h);
  expect(await h.deliver(serviceOrderCompleted(ready))).toBe('handled');
  const { rows } = await h.db.pool.query('SELECT id, next_renewal_at FROM subscription.subscription WHERE commercial_order_id = $1', [ready.orderId]);
  return { ...ready, id: rows[0].id as string, nextRenewalAt: rows[0].next_renewal_at as Date };
}
const sweepAt = (now: Date) => createRenewalSweep(h.depsAt(now), { reminderLookaheadMs: 0 }).runOnce();
const after = (d: Date, ms: number) => new Date(d.getTime() + ms);
const rule = (p: Promise<unknown>) => p.then(() => 'no refusal', (e: { reason?: string }) => e.reason);

describe('plan change', () => {
  it('schedules for the next renewal, refuses what it must, and pivots at the renewal with the scheduled price', async () => {
    const line = await activeLine();
    const subs = h.clients.subscription;
    expect(await rule(subs.schedulePlanChange(line.id, 'PLAN_M'))).toBe('subscription.plan_change.same_offering');
    expect(await rule(subs.schedulePlanChange(line.id, 'PLAN_NOPE'))).toBe('subscription.plan_change.target_not_sellable_now');

    const scheduled = await subs.schedulePlanChange(line.id, 'PLAN_L');
    expect(scheduled).toMatchObject({ pendingOfferingId: 'PLAN_L', pendingOfferingPriceId: 'PRICE_PLAN_L', pendingEffectiveAt: line.nextRenewalAt.toISOString(), state: 'active', offeringId: 'PLAN_M' });
    expect(await outboxOf(h.db, 'subscription.plan_change_scheduled', line.id)).toMatchObject([{ currentOfferingId: 'PLAN_M', newOfferingId: 'PLAN_L', newPriceId: 'PRICE_PLAN_L' }]);
    expect(await rule(subs.schedulePlanChange(line.id, 'PLAN_S'))).toBe('subscription.plan_change.already_pending');
    // nothing charged now, the current bundle runs on
    expect(await h.clients.payment.countPayments(line.customerId)).toBe(1);
    expect((await balancesOf(h.db, line.id)).data).toEqual({ total: 30720, consumed: 0 });

    const report = await sweepAt(after(line.nextRenewalAt, 60_000));
    expect(report.renewed).toContain(line.id);
    const sub = await subs.get(line.id);
    expect(sub).toMatchObject({ offeringId: 'PLAN_L', priceAmount: '45.00', priceOfferingPriceId: 'PRICE_PLAN_L', pendingOfferingId: null, pendingEffectiveAt: null });
    expect(sub.balances.map((b) => [b.allowanceType, b.total])).toEqual([['data', 153600], ['voice', -1], ['sms', -1], ['data_roaming', 2048]]);
    expect(await outboxOf(h.db, 'subscription.plan_changed', line.id)).toMatchObject([{ fromOfferingId: 'PLAN_M', toOfferingId: 'PLAN_L', amount: '45.00' }]);
    expect(await outboxOf(h.db, 'subscription.renewed', line.id)).toMatchObject([{ amountCharged: '45.00', planChanged: true }]);
  });

  it('cancel clears the pending change (once); a blocked line cannot schedule', async () => {
    const line = await activeLine();
    const subs = h.clients.subscription;
    await subs.schedulePlanChange(line.id, 'PLAN_S');
    expect(await subs.cancelPlanChange(line.id)).toMatchObject({ pendingOfferingId: null, pendingOfferingPriceId: null, pendingEffectiveAt: null });
    expect(await subs.cancelPlanChange(line.id)).toMatchObject({ pendingOfferingId: null });
    expect(await outboxOf(h.db, 'subscription.plan_change_cancelled', line.id)).toEqual([{ subscriptionId: line.id, customerId: line.customerId, cancelledOfferingId: 'PLAN_S', cancelledPriceId: 'PRICE_PLAN_S' }]);
    await h.db.pool.query(`UPDATE subscription.subscription SET state = 'blocked' WHERE id = $1`, [line.id]);
    expect(await rule(subs.schedulePlanChange(line.id, 'PLAN_S'))).toBe('subscription.plan_change.not_eligible_state');
  });
});

describe('price migration', () => {
  it('announces the new price per line and applies it only at a renewal from its effective date', async () => {
    const line = await activeLine();
    const planChanger = await activeLine();
    await h.clients.subscription.schedulePlanChange(planChanger.id, 'PLAN_S');
    const catalog = createCatalogClient({ baseUrl: h.fleet.url('catalog'), token: TEST_TOKEN, actor: 'pricing-manager' });
    await catalog.addPrice('PLAN_M', { priceId: 'PRICE_PLAN_M_2027', amount: '27.00', validFrom: '2027-03-01T00:00:00Z' });

    const subs = h.clients.subscription;
    expect(await rule(subs.migratePrice({ offeringId: 'PLAN_M', newPriceId: 'PRICE_NOPE', effectiveFrom: '2027-01-01T00:00:00Z' }))).toBe('subscription.migrate_price.unknown_price');
    expect(await rule(subs.migratePrice({ offeringId: 'PLAN_M', newPriceId: 'PRICE_PLAN_L', effectiveFrom: '2027-01-01T00:00:00Z' }))).toBe('subscription.migrate_price.price_not_on_offering');
    expect(await rule(subs.migratePrice({ offeringId: 'PLAN_M', newPriceId: 'PRICE_PLAN_M_2027', effectiveFrom: '2020-01-01T00:00:00Z' }))).toBe('subscription.migrate_price.effective_in_past');

    const result = await subs.migratePrice({ offeringId: 'PLAN_M', newPriceId: 'PRICE_PLAN_M_2027', effectiveFrom: '2027-01-30T00:00:00Z', noticeDays: 30 });
    expect(result.effectiveAt).toBe('2027-03-01T00:00:00.000Z');
    expect(result.subscriptionIds).toContain(line.id);
    expect(result.skippedPendingPlanChange).toContain(planChanger.id);
    expect(await outboxOf(h.db, 'subscription.price_migration_scheduled', line.id)).toMatchObject([{ fromPriceId: 'PRICE_PLAN_M', newPriceId: 'PRICE_PLAN_M_2027', newAmount: '27.00', noticeDays: 30 }]);
    expect(await subs.get(planChanger.id)).toMatchObject({ pendingOfferingId: 'PLAN_S' });

    // the renewal before the effective date charges the snapshot; the one after charges the new price
    await sweepAt(after(line.nextRenewalAt, 60_000));
    expect(await subs.get(line.id)).toMatchObject({ priceAmount: '25.00', pendingOfferingPriceId: 'PRICE_PLAN_M_2027' });
    await sweepAt(new Date('2027-03-02T00:00:00Z'));
    expect(await subs.get(line.id)).toMatchObject({ priceAmount: '27.00', priceOfferingPriceId: 'PRICE_PLAN_M_2027', offeringId: 'PLAN_M', pendingOfferingId: null });
    expect(await outboxOf(h.db, 'subscription.plan_changed', line.id)).toMatchObject([{ fromPriceId: 'PRICE_PLAN_M', toPriceId: 'PRICE_PLAN_M_2027', amount: '27.00' }]);
  });
});
