// Renewal against real catalog, payment and crm over HTTP: the worker sweep (on a frozen clock, through the
// same sweep tick-now runs) renews due lines at the SNAPSHOT price exactly once — even with two replicas
// sweeping at once — blocks on a declined charge with no retry, skips blocked lines once per boundary and
// never charges them, reminds once per period, and picks a line that failed transiently again. Manual renew
// restores a blocked line without the reference's charge-then-rollback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenewalSweep } from '../src/services/renewal-sweep.service.ts';
import { createRenewal } from '../src/services/renewal.service.ts';
import { MOCK_DECLINE, readyLine, serviceOrderCompleted, startHarness, type Harness } from './fleet-harness.ts';
import { balancesOf, outboxOf, stateOf } from './lifecycle-fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

type Line = { id: string; customerId: string; paymentMethodId: string; nextRenewalAt: Date };

async function activeLine(): Promise<Line> {
  const ready = await readyLine(h);
  expect(await h.deliver(serviceOrderCompleted(ready))).toBe('handled');
  const { rows } = await h.db.pool.query('SELECT id, next_renewal_at FROM subscription.subscription WHERE commercial_order_id = $1', [ready.orderId]);
  return { id: rows[0].id, customerId: ready.customerId, paymentMethodId: ready.paymentMethodId, nextRenewalAt: rows[0].next_renewal_at };
}

const sweepAt = (now: Date, env?: Record<string, string>) => createRenewalSweep(h.depsAt(now, env), { reminderLookaheadMs: 86_400_000 }).runOnce();
const after = (d: Date, ms: number) => new Date(d.getTime() + ms);
const paymentsOf = (customerId: string) => h.clients.payment.countPayments(customerId);
const row = async (id: string) => (await h.db.pool.query('SELECT * FROM subscription.subscription WHERE id = $1', [id])).rows[0];
async function declineNextCharges(line: Line) {
  const card = await h.clients.payment.addCard({ customerId: line.customerId, cardNumber: MOCK_DECLINE, cvv: '123', expMonth: 12, expYear: 2040 });
  await h.clients.payment.setDefault(card.id);
}

describe('renewal worker', () => {
  it('renews a due line once at the snapshot price, from the boundary, with fresh balances; a second pass does nothing', async () => {
    const line = await activeLine();
    // the snapshot differs from the live catalog price (25.00): the renewal must charge the snapshot
    await h.db.pool.query(`UPDATE subscription.subscription SET price_amount = 19.99 WHERE id = $1`, [line.id]);
    await h.db.pool.query(`UPDATE subscription.bundle_balance SET consumed = 1000 WHERE subscription_id = $1 AND allowance_type = 'data'`, [line.id]);
    const before = await paymentsOf(line.customerId);

    const now = after(line.nextRenewalAt, 60_000);
    const report = await sweepAt(now);
    expect(report.renewed).toContain(line.id);
    expect(await paymentsOf(line.customerId)).toBe(before + 1);
    const [charge] = (await h.clients.payment.listPayments(line.customerId)).items;
    expect(charge).toMatchObject({ status: 'approved' });
    expect(JSON.stringify(charge)).toContain('19.99');

    const r = await row(line.id);
    expect(r).toMatchObject({ state: 'active', state_reason: 'renewal_payment_approved', price_amount: '19.99' });
    expect(r.current_period_start).toEqual(line.nextRenewalAt);
    expect((await balancesOf(h.db, line.id)).data).toEqual({ total: 30720, consumed: 0 });
    expect(await outboxOf(h.db, 'subscription.renewed', line.id)).toMatchObject([{ amountCharged: '19.99', previousState: 'active', planChanged: false }]);

    const again = await sweepAt(after(now, 60_000));
    expect(again.renewed).not.toContain(line.id);
    expect(await paymentsOf(line.customerId)).toBe(before + 1);
  });

  it('two replicas sweeping at once renew every due line exactly once', async () => {
    const lines = await Promise.all([activeLine(), activeLine(), activeLine(), activeLine()]);
    const now = after(new Date(Math.max(...lines.map((l) => l.nextRenewalAt.getTime()))), 60_000);
    const [a, b] = await Promise.all([sweepAt(now), sweepAt(now)]);
    for (const l of lines) {
      expect([...a.renewed, ...b.renewed].filter((id) => id === l.id)).toHaveLength(1);
      expect(await paymentsOf(l.customerId)).toBe(2);
      expect(await outboxOf(h.db, 'subscription.renewed', l.id)).toHaveLength(1);
    }
  });

  it('a declined renewal blocks with no retry; the boundary is not announced as skipped; a manual renew with a good card restores it', async () => {
    const line = await activeLine();
    await declineNextCharges(line);
    const now = after(line.nextRenewalAt, 60_000);
    const report = await sweepAt(now);
    expect(report.declined).toContain(line.id);
    expect(await row(line.id)).toMatchObject({ state: 'blocked', state_reason: 'renewal_payment_declined', renewal_attempts: 1 });
    expect(await outboxOf(h.db, 'subscription.renew_failed', line.id)).toMatchObject([{ paymentStatus: 'declined', amount: '25.00', reason: 'renewal_payment_declined' }]);
    expect(await outboxOf(h.db, 'subscription.blocked', line.id)).toMatchObject([{ reason: 'renew_failed', previousState: 'active' }]);
    const charged = await paymentsOf(line.customerId);

    const later = await sweepAt(after(now, 3_600_000));
    expect([...later.renewed, ...later.declined, ...later.skipped]).not.toContain(line.id);
    expect(await paymentsOf(line.customerId)).toBe(charged);

    // the customer fixes the card and renews: a new charge (new key), the line is active again
    await h.clients.payment.setDefault(line.paymentMethodId);
    const manual = await createRenewal(h.depsAt(after(now, 7_200_000))).renew;
    const result = await h.db.db.transaction((tx) => manual(tx, line.id, 'manual'));
    expect(result).toMatchObject({ outcome: 'renewed' });
    expect(await paymentsOf(line.customerId)).toBe(charged + 1);
    expect(await row(line.id)).toMatchObject({ state: 'active', renewal_attempts: 0 });
    expect(await outboxOf(h.db, 'subscription.unblocked', line.id)).toMatchObject([{ reason: 'renewed' }]);
  });

  it('skips an overdue blocked line once per boundary and never charges it; a manual renew restores it (no charge-then-rollback)', async () => {
    const line = await activeLine();
    await h.db.pool.query(`UPDATE subscription.bundle_balance SET consumed = total WHERE subscription_id = $1 AND allowance_type = 'data'`, [line.id]);
    await h.db.pool.query(`UPDATE subscription.subscription SET state = 'blocked', state_reason = 'primary_allowance_exhausted' WHERE id = $1`, [line.id]);
    const now = after(line.nextRenewalAt, 60_000);
    expect((await sweepAt(now)).skipped).toContain(line.id);
    expect((await sweepAt(after(now, 60_000))).skipped).not.toContain(line.id);
    expect(await outboxOf(h.db, 'subscription.renewal_skipped', line.id)).toMatchObject([{ reason: 'blocked', dueAt: line.nextRenewalAt.toISOString() }]);
    expect(await paymentsOf(line.customerId)).toBe(1);

    const renewed = await h.clients.subscription.renew(line.id);
    expect(renewed).toMatchObject({ outcome: 'renewed', subscription: { state: 'active', stateReason: 'renewal_payment_approved' } });
    expect(await paymentsOf(line.customerId)).toBe(2);
    expect((await balancesOf(h.db, line.id)).data).toEqual({ total: 30720, consumed: 0 });

    // the skip marker of the old boundary never keeps the line from its next renewal (the reference's defect)
    const next = (await row(line.id)).next_renewal_at as Date;
    expect((await sweepAt(after(next, 60_000))).renewed).toContain(line.id);
    expect(await paymentsOf(line.customerId)).toBe(3);
  });

  it('a line that failed transiently (catalog down) is picked again by the next pass', async () => {
    const line = await activeLine();
    const now = after(line.nextRenewalAt, 60_000);
    const down = await sweepAt(now, { BSS_CATALOG_URL: 'http://127.0.0.1:1' });
    expect(down.failed.map((f) => f.subscriptionId)).toContain(line.id);
    expect(await stateOf(h.db, line.id)).toBe('active');
    expect(await paymentsOf(line.customerId)).toBe(1);
    expect((await sweepAt(after(now, 60_000))).renewed).toContain(line.id);
    expect(await paymentsOf(line.customerId)).toBe(2);
  });

  it('with no active card on file the worker blocks the line (renewal_no_payment_method); a manual renew is refused', async () => {
    const line = await activeLine();
    // the card expired (a fixture: payment's own API refuses to remove the last card of a live line)
    await h.db.pool.query(`UPDATE payment.payment_method SET status = 'expired', is_default = false WHERE customer_id = $1`, [line.customerId]);
    const now = after(line.nextRenewalAt, 60_000);
    const renew = createRenewal(h.depsAt(now)).renew;
    await expect(h.db.db.transaction((tx) => renew(tx, line.id, 'manual'))).rejects.toMatchObject({ rule: 'subscription.renew.no_payment_method' });
    expect(await stateOf(h.db, line.id)).toBe('active');
    expect((await sweepAt(now)).declined).toContain(line.id);
    expect(await row(line.id)).toMatchObject({ state: 'blocked', state_reason: 'renewal_no_payment_method' });
    expect(await outboxOf(h.db, 'subscription.renew_failed', line.id)).toMatchObject([{ paymentId: null, paymentStatus: null, reason: 'renewal_no_payment_method' }]);
    expect(await paymentsOf(line.customerId)).toBe(1);
  });

  it('reminds once per period inside the lookahead', async () => {
    const line = await activeLine();
    const soon = after(line.nextRenewalAt, -3_600_000);
    expect((await sweepAt(soon)).reminded).toContain(line.id);
    expect((await sweepAt(after(soon, 60_000))).reminded).not.toContain(line.id);
    expect(await outboxOf(h.db, 'subscription.renewal_reminder', line.id)).toEqual([
      { subscriptionId: line.id, customerId: line.customerId, msisdn: expect.any(String), offeringId: 'PLAN_M', amount: '25.00', currency: 'SGD', renewsAt: line.nextRenewalAt.toISOString() },
    ]);
  });
});

describe('manual renew and tick-now', () => {
  it('refuses an active line that is not due yet, and an unknown one', async () => {
    const line = await activeLine();
    // (the activation ran on a clock frozen at 2026-06-01; the day before its boundary it is not due)
    const renew = createRenewal(h.depsAt(after(line.nextRenewalAt, -86_400_000))).renew;
    const err = await h.db.db.transaction((tx) => renew(tx, line.id, 'manual')).catch((e: unknown) => e);
    expect(err).toMatchObject({ rule: 'subscription.renew.not_due' });
    expect(await paymentsOf(line.customerId)).toBe(1);
    await expect(h.clients.subscription.renew('SUB-NOPE')).rejects.toMatchObject({ reason: 'subscription.not_found' });
    await h.db.pool.query(`UPDATE subscription.subscription SET state = 'terminated' WHERE id = $1`, [line.id]);
    await expect(h.clients.subscription.renew(line.id)).rejects.toMatchObject({ reason: 'subscription.renew.only_if_active_or_blocked' });
  });

  it('tick-now runs one pass on the service clock (the service clock is past this line\'s boundary)', async () => {
    const line = await activeLine();
    const report = await h.clients.subscription.renewalTickNow();
    expect(report.renewed).toContain(line.id);
    expect(await paymentsOf(line.customerId)).toBe(2);
    // renewed long after its boundary: the new period starts now, not at the old boundary
    expect((await row(line.id)).current_period_start.getTime()).toBeGreaterThan(after(line.nextRenewalAt, 86_400_000).getTime());
  });
});
