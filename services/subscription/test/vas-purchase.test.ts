// VAS top-up against real catalog, payment and crm over HTTP: the charge on the card on file (keyed, replayed
// once), the balance it adds, unblocking only when data is actually restored, the day pass and its expiry on
// the injected clock, and the refusals with their rule ids.
import { PolicyViolationError } from '@bss/clients';
import { handleOnce } from '@bss/events';
import { authHeaders, testPlatform } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USAGE_RATED_QUEUE, usageRatedHandler } from '../src/consumers/usage-rated.consumer.ts';
import { createDeps } from '../src/deps.ts';
import { createRenewalSweep } from '../src/services/renewal-sweep.service.ts';
import { MOCK_DECLINE, readyLine, serviceOrderCompleted, startHarness, type Harness } from './fleet-harness.ts';
import { balancesOf, outboxOf, stateOf, usageRated } from './lifecycle-fixtures.ts';

let h: Harness;
// The service clock, frozen inside the lines' first period (they activate on a clock frozen at 2026-06-01).
const FROZEN = new Date('2026-06-01T12:00:00.000Z');
beforeAll(async () => {
  h = await startHarness();
  const res = await fetch(`${h.fleet.url('subscription')}/admin-api/v1/clock/freeze`, {
    method: 'POST',
    headers: { ...authHeaders(), 'content-type': 'application/json' },
    body: JSON.stringify({ at: FROZEN.toISOString() }),
  });
  expect(res.status).toBe(200);
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

/** Delivers a usage.rated through the inbox path with the consumer's clock at `at`. */
async function use(line: Line, type: 'data' | 'data_roaming', quantity: number, at = FROZEN) {
  const handler = usageRatedHandler(createDeps(testPlatform('subscription', h.db, { now: at.toISOString() })));
  return handleOnce(h.db, USAGE_RATED_QUEUE.inboxSchema, USAGE_RATED_QUEUE.queue, usageRated(line, type, quantity), handler);
}

type Line = { id: string; customerId: string; msisdn: string; iccid: string; paymentMethodId: string };

/** An activated PLAN_M line (data 30720 mb, roaming 500 mb). */
async function activeLine(): Promise<Line> {
  const ready = await readyLine(h);
  expect(await h.deliver(serviceOrderCompleted(ready))).toBe('handled');
  const { rows } = await h.db.pool.query('SELECT id FROM subscription.subscription WHERE commercial_order_id = $1', [ready.orderId]);
  return { id: rows[0].id as string, customerId: ready.customerId, msisdn: ready.msisdn, iccid: ready.iccid, paymentMethodId: ready.paymentMethodId };
}

const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PolicyViolationError);
  return err as PolicyViolationError;
};

describe('VAS top-up', () => {
  it('a data top-up on an exhausted line charges once, restores data and unblocks; the key replays', async () => {
    const line = await activeLine();
    await use(line, 'data', 30720);
    expect(await stateOf(h.db, line.id)).toBe('blocked');
    const subs = h.clients.subscription;

    // roaming does not restore the primary allowance: charged, added, still blocked
    const roaming = await subs.purchaseVas(line.id, { vasOfferingId: 'VAS_ROAMING_1GB', idempotencyKey: `roam-${line.id}` });
    expect(roaming).toMatchObject({ vasOfferingId: 'VAS_ROAMING_1GB', amountCharged: '8.00', allowanceType: 'data_roaming', quantity: 1024, unblocked: false });
    expect(roaming.subscription.state).toBe('blocked');
    expect((await balancesOf(h.db, line.id)).data_roaming).toEqual({ total: 1524, consumed: 0 });

    const data = await subs.purchaseVas(line.id, { vasOfferingId: 'VAS_DATA_1GB', idempotencyKey: `data-${line.id}` });
    expect(data).toMatchObject({ amountCharged: '3.00', currency: 'SGD', allowanceType: 'data', quantity: 1024, unblocked: true, expiresAt: null });
    expect(data.subscription).toMatchObject({ state: 'active', stateReason: 'vas_top_up' });
    expect(data.subscription.balances.find((b) => b.allowanceType === 'data')).toMatchObject({ total: 31744, consumed: 30720, remaining: 1024 });
    expect(await outboxOf(h.db, 'subscription.unblocked', line.id)).toEqual([{ subscriptionId: line.id, customerId: line.customerId, msisdn: line.msisdn, reason: 'vas_top_up' }]);
    expect(await outboxOf(h.db, 'subscription.vas_purchased', line.id)).toHaveLength(2);

    // the same key again: the first purchase, nothing charged
    const before = await h.clients.payment.countPayments(line.customerId);
    const again = await subs.purchaseVas(line.id, { vasOfferingId: 'VAS_DATA_1GB', idempotencyKey: `data-${line.id}` });
    expect(again.id).toBe(data.id);
    expect(await h.clients.payment.countPayments(line.customerId)).toBe(before);
    expect((await balancesOf(h.db, line.id)).data).toEqual({ total: 31744, consumed: 30720 });
    const [charge] = (await h.clients.payment.listPayments(line.customerId)).items;
    expect(charge).toMatchObject({ status: 'approved' });

    // the line blocks again the instant the top-up is used up
    await use(line, 'data', 1024);
    expect(await stateOf(h.db, line.id)).toBe('blocked');
  });

  it('a day pass makes data unlimited until it expires on the clock; then the exhausted line blocks again', async () => {
    const line = await activeLine();
    await use(line, 'data', 30720);
    const pass = await h.clients.subscription.purchaseVas(line.id, { vasOfferingId: 'VAS_UNLIMITED_DAY' });
    expect(pass).toMatchObject({ quantity: -1, unblocked: true, amountCharged: '5.00' });
    expect(pass.subscription.state).toBe('active');
    const expiresAt = new Date(pass.expiresAt!);
    expect(expiresAt.getTime() - new Date(pass.purchasedAt).getTime()).toBe(24 * 3_600_000);
    expect(pass.subscription.balances.find((b) => b.allowanceType === 'data')).toMatchObject({ unlimitedUntil: pass.expiresAt, remaining: -1, total: 30720 });

    // usage under the pass is counted but does not draw the bundle down
    await use(line, 'data', 500, new Date(expiresAt.getTime() - 3_600_000));
    expect(await stateOf(h.db, line.id)).toBe('active');
    expect((await balancesOf(h.db, line.id)).data).toEqual({ total: 30720, consumed: 30720 });

    // after the pass: its expiry is applied before the usage, which blocks the line (data is still at zero)
    await use(line, 'data', 10, new Date(expiresAt.getTime() + 60_000));
    expect(await stateOf(h.db, line.id)).toBe('blocked');
    expect(await outboxOf(h.db, 'subscription.vas_expired', line.id)).toMatchObject([{ vasOfferingId: 'VAS_UNLIMITED_DAY', takenBack: 0 }]);
    expect(await outboxOf(h.db, 'subscription.exhausted', line.id)).toHaveLength(2);
  });

  it('the worker sweep applies a day pass expiry on its own and blocks the exhausted line', async () => {
    const line = await activeLine();
    await use(line, 'data', 30720);
    const pass = await h.clients.subscription.purchaseVas(line.id, { vasOfferingId: 'VAS_UNLIMITED_DAY' });
    expect(pass.subscription.state).toBe('active');
    const before = await createRenewalSweep(h.depsAt(new Date(FROZEN.getTime() + 3_600_000)), { reminderLookaheadMs: 0 }).runOnce();
    expect(before.vasExpiryApplied).not.toContain(line.id);
    const report = await createRenewalSweep(h.depsAt(new Date(new Date(pass.expiresAt!).getTime() + 1000)), { reminderLookaheadMs: 0 }).runOnce();
    expect(report.vasExpiryApplied).toContain(line.id);
    expect(await stateOf(h.db, line.id)).toBe('blocked');
    expect(await outboxOf(h.db, 'subscription.exhausted', line.id)).toMatchObject([{ usageEventId: expect.any(String) }, { usageEventId: null }]);
  });

  it('refuses with rule ids: unknown VAS, a declined charge (nothing changes), a terminated line, a line blocked for a declined renewal', async () => {
    const line = await activeLine();
    const subs = h.clients.subscription;
    expect((await refusal(subs.purchaseVas(line.id, { vasOfferingId: 'VAS_NOPE' }))).rule).toBe('subscription.vas_purchase.vas_offering_sellable');

    const declining = await h.clients.payment.addCard({ customerId: line.customerId, cardNumber: MOCK_DECLINE, cvv: '123', expMonth: 12, expYear: 2040 });
    await h.clients.payment.setDefault(declining.id);
    const declined = await refusal(subs.purchaseVas(line.id, { vasOfferingId: 'VAS_DATA_1GB' }));
    expect(declined.rule).toBe('subscription.vas_purchase.requires_active_cof');
    expect(declined.context).toMatchObject({ paymentStatus: 'declined' });
    expect((await balancesOf(h.db, line.id)).data).toEqual({ total: 30720, consumed: 0 });
    expect(await outboxOf(h.db, 'subscription.vas_purchased', line.id)).toEqual([]);

    await h.db.pool.query(`UPDATE subscription.subscription SET state = 'blocked', state_reason = 'renewal_payment_declined' WHERE id = $1`, [line.id]);
    expect((await refusal(subs.purchaseVas(line.id, { vasOfferingId: 'VAS_DATA_1GB' }))).rule).toBe('subscription.vas_purchase.renewal_required');
    // past the renewal boundary a top-up is refused too: the renewal comes first
    await h.db.pool.query(`UPDATE subscription.subscription SET state = 'active', next_renewal_at = $2 WHERE id = $1`, [line.id, FROZEN]);
    expect((await refusal(subs.purchaseVas(line.id, { vasOfferingId: 'VAS_DATA_1GB' }))).rule).toBe('subscription.vas_purchase.renewal_required');
    await h.db.pool.query(`UPDATE subscription.subscription SET state = 'terminated' WHERE id = $1`, [line.id]);
    expect((await refusal(subs.purchaseVas(line.id, { vasOfferingId: 'VAS_DATA_1GB' }))).rule).toBe('subscription.vas_purchase.not_if_terminated');
    await expect(subs.purchaseVas('SUB-NOPE', { vasOfferingId: 'VAS_DATA_1GB' })).rejects.toMatchObject({ reason: 'subscription.not_found' });
  });
});
