// Renewing a line (manual POST …/{id}/renew, or the renewal worker), in the caller's transaction on the locked
// row. The order fixes the reference's defects: the state table is consulted BEFORE the charge (it charged a
// blocked line and then rolled back), the price is the snapshot (or the pending plan/price snapshotted when it
// was scheduled) and never the live catalog price, and a declined charge is an outcome, committed: blocked,
// no retry.
//   1. policies: active or blocked; a manual renewal of an active line only once due; a card on file;
//   2. the charge, keyed renewal:<id>:<currentPeriodStart>:<declined attempts> — a crash retry replays it, a
//      renewal after a decline (new card) is a new charge;
//   3. approved ⇒ new period (from the boundary when renewed on time, else from now), balances reset from the
//      target offering, top-ups end, a pending change pivots, `renew` (blocked → active too), events, receipt;
//   4. declined (or, for the worker, no card) ⇒ `renew_fail` → blocked, subscription.renew_failed (+ blocked).
import { NotFoundError } from '@bss/clients';
import type { Tx } from '@bss/db';
import { NotFound, PolicyViolation, requirePolicy } from '@bss/policy';
import type { SubscriptionDeps } from '../deps.ts';
import { allowancesOf } from '../domain/allowances.ts';
import { monthlyPeriodEnd } from '../domain/period.ts';
import { subscriptionStateMachine } from '../domain/subscription.state.ts';
import { subscriptionBlocked, subscriptionUnblocked } from '../events/lifecycle.events.ts';
import { planChanged, renewFailed, subscriptionRenewed } from '../events/renewal.events.ts';
import { pickCardOnFile } from '../policies/lifecycle.policies.ts';
import { recordCharge } from '../repositories/charge.repository.ts';
import { lockSubscription, resetBalances } from '../repositories/lifecycle.repository.ts';
import { endOpenVas } from '../repositories/vas.repository.ts';
import type { SubscriptionRow } from '../schema.ts';
import { chargeCard } from './card-charge.ts';
import { transition } from './transition.ts';

export const RENEW_STATE_RULE = 'subscription.renew.only_if_active_or_blocked';
export const RENEW_NOT_DUE_RULE = 'subscription.renew.not_due';
export const RENEW_NO_CARD_RULE = 'subscription.renew.no_payment_method';

export type RenewalMode = 'manual' | 'worker';
export interface RenewalOutcome {
  outcome: 'renewed' | 'declined';
  paymentId: string | null;
  paymentStatus: string | null;
  row: SubscriptionRow;
}

/** The price and offering the renewal charges: the pending pivot when it is effective, else the snapshot. */
function targetOf(sub: SubscriptionRow, at: Date) {
  const pivot = sub.pendingOfferingId !== null && sub.pendingPriceAmount !== null && sub.pendingEffectiveAt !== null && sub.pendingEffectiveAt <= at;
  return pivot
    ? { pivot, offeringId: sub.pendingOfferingId!, priceId: sub.pendingOfferingPriceId!, amount: sub.pendingPriceAmount!, currency: sub.pendingPriceCurrency! }
    : { pivot, offeringId: sub.offeringId, priceId: sub.priceOfferingPriceId, amount: sub.priceAmount, currency: sub.priceCurrency };
}

export function createRenewal(deps: SubscriptionDeps) {
  const { clock, outbox } = deps;

  async function decline(tx: Tx, sub: SubscriptionRow, f: { paymentId: string | null; paymentStatus: string | null; amount: string; currency: string; reason: string }, now: Date) {
    // The boundary counts as handled: the skip sweep does not announce a skip for a line it just declined.
    const blocked = await transition(tx, sub, 'renew_fail', f.reason, now, {
      renewalAttempts: sub.renewalAttempts + 1,
      lastRenewalAttemptedAt: now,
      renewalSkippedFor: sub.nextRenewalAt,
    });
    await outbox.stage(tx, renewFailed(blocked, f));
    if (sub.state !== 'blocked') await outbox.stage(tx, subscriptionBlocked(blocked, 'renew_failed', sub.state));
    return { outcome: 'declined' as const, paymentId: f.paymentId, paymentStatus: f.paymentStatus, row: blocked };
  }

  async function renew(tx: Tx, subscriptionId: string, mode: RenewalMode): Promise<RenewalOutcome> {
    const sub = await lockSubscription(tx, subscriptionId);
    if (!sub) throw new NotFound('subscription', subscriptionId);
    const now = clock.now();
    requirePolicy(subscriptionStateMachine.next(sub.state, 'renew') !== undefined, RENEW_STATE_RULE, `subscription ${sub.id} is ${sub.state}`, { subscriptionId: sub.id, state: sub.state });
    const due = sub.nextRenewalAt !== null && sub.nextRenewalAt <= now;
    requirePolicy(sub.state === 'blocked' || due, RENEW_NOT_DUE_RULE, `subscription ${sub.id} renews at ${sub.nextRenewalAt?.toISOString()}`, {
      subscriptionId: sub.id,
      nextRenewalAt: sub.nextRenewalAt?.toISOString() ?? null,
    });
    // Renewed on time (inside the period that follows the boundary), the new period starts at the boundary, so
    // a late worker never shifts the billing day; otherwise (a blocked line renewed later) it starts now.
    const start = sub.state === 'active' && due && monthlyPeriodEnd(sub.nextRenewalAt!) > now ? sub.nextRenewalAt! : now;
    const target = targetOf(sub, start);

    const card = pickCardOnFile(await deps.payment.listMethods(sub.customerId));
    if (!card) {
      if (mode === 'manual') throw new PolicyViolation(RENEW_NO_CARD_RULE, `customer ${sub.customerId} has no active card on file`, { customerId: sub.customerId });
      return decline(tx, sub, { paymentId: null, paymentStatus: null, amount: target.amount, currency: target.currency, reason: 'renewal_no_payment_method' }, now);
    }
    // The target offering's bundle (its allowances; the price is the snapshot above). Read before the charge.
    let offering;
    try {
      offering = await deps.catalog.getOffering(target.offeringId);
    } catch (err) {
      if (err instanceof NotFoundError) throw new PolicyViolation('subscription.renew.requires_offering', `offering ${target.offeringId} does not exist`, { offeringId: target.offeringId });
      throw err;
    }
    const key = `renewal:${sub.id}:${(sub.currentPeriodStart ?? sub.createdAt).toISOString()}:${sub.renewalAttempts}`;
    const paid = await chargeCard(
      deps.payment,
      { customerId: sub.customerId, paymentMethodId: card.id, amount: target.amount, currency: target.currency, purpose: 'renewal', idempotencyKey: key },
      RENEW_NO_CARD_RULE,
    );
    if (paid.status !== 'approved') return decline(tx, sub, { paymentId: paid.id, paymentStatus: paid.status, amount: target.amount, currency: target.currency, reason: 'renewal_payment_declined' }, now);

    const period = { start, end: monthlyPeriodEnd(start) };
    await resetBalances(tx, sub.id, allowancesOf(offering), period, now);
    await endOpenVas(tx, sub.id, now);
    const pivot = target.pivot
      ? {
          offeringId: target.offeringId,
          priceOfferingPriceId: target.priceId,
          priceAmount: target.amount,
          priceCurrency: target.currency,
          pendingOfferingId: null,
          pendingOfferingPriceId: null,
          pendingEffectiveAt: null,
          pendingPriceAmount: null,
          pendingPriceCurrency: null,
          pendingKind: null,
        }
      : {};
    const renewed = await transition(tx, sub, 'renew', 'renewal_payment_approved', now, {
      ...pivot,
      currentPeriodStart: period.start,
      currentPeriodEnd: period.end,
      nextRenewalAt: period.end,
      lastRenewalAttemptedAt: now,
      renewalAttempts: 0,
      paymentMethodId: card.id,
    });
    await recordCharge(tx, {
      subscriptionId: sub.id,
      customerId: sub.customerId,
      kind: 'renewal',
      paymentId: paid.id,
      amount: target.amount,
      currency: target.currency,
      offeringId: target.offeringId,
      description: `${offering.name ?? target.offeringId} — renewal`,
      periodStart: period.start,
      periodEnd: period.end,
      chargedAt: now,
    });
    await outbox.stage(tx, subscriptionRenewed(renewed, paid.id, sub.state, target.pivot));
    if (target.pivot) await outbox.stage(tx, planChanged(sub, renewed));
    if (sub.state === 'blocked') await outbox.stage(tx, subscriptionUnblocked(renewed, 'renewed'));
    return { outcome: 'renewed', paymentId: paid.id, paymentStatus: paid.status, row: renewed };
  }

  return { renew };
}

