// A VAS top-up (POST …/{id}/vas-purchase): in one transaction that holds the line's lock,
//   1. a replay of the caller's key returns the first purchase (charged once, key vas:<sub>:<key>);
//   2. policies: a live line not blocked for a declined renewal, a VAS offering that tops up a known
//      allowance, an active card on file (preferred, else the first active);
//   3. the charge — declined ⇒ subscription.vas_purchase.requires_active_cof, nothing changes;
//   4. the balance: a finite top-up adds its quantity (creating the row if the plan had none); a day pass
//      (-1) makes it unlimited until it expires; expiry is recorded for the sweep;
//   5. a line blocked because its data ran out is unblocked only when this top-up actually restored data
//      (a roaming or voice top-up leaves it blocked); an active line records a top_up self-transition.
import { mintId, type catalog } from '@bss/contracts';
import type { Tx } from '@bss/db';
import { NotFound, PolicyViolation } from '@bss/policy';
import type { SubscriptionDeps } from '../deps.ts';
import { effectiveLevel, isExhausted } from '../domain/consumption.ts';
import { subscriptionUnblocked, vasPurchased } from '../events/lifecycle.events.ts';
import { checkCardOnFile, checkVasAllowed, checkVasOffering, pickCardOnFile } from '../policies/lifecycle.policies.ts';
import { lockBalance, lockSubscription, setBalance } from '../repositories/lifecycle.repository.ts';
import { insertBalances } from '../repositories/subscription.repository.ts';
import { recordCharge } from '../repositories/charge.repository.ts';
import { findVasPurchaseByKey, insertVasPurchase } from '../repositories/vas.repository.ts';
import type { VasPurchaseRow } from '../schema.ts';
import { chargeCard } from './card-charge.ts';
import { transition } from './transition.ts';
import { applyVasExpiry } from './vas-expiry.ts';
import { NotFoundError } from '@bss/clients';

export const VAS_COF_RULE = 'subscription.vas_purchase.requires_active_cof';
const HOUR_MS = 3_600_000;

export interface VasPurchaseInput {
  vasOfferingId: string;
  idempotencyKey?: string | undefined;
}

export function createVasPurchase(deps: SubscriptionDeps) {
  const { clock, outbox } = deps;

  async function findVas(id: string): Promise<catalog.VasOffering | undefined> {
    try {
      return await deps.catalog.getVas(id);
    } catch (err) {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    }
  }

  async function purchase(tx: Tx, subscriptionId: string, input: VasPurchaseInput): Promise<{ purchase: VasPurchaseRow; replayed: boolean }> {
    const locked = await lockSubscription(tx, subscriptionId);
    if (!locked) throw new NotFound('subscription', subscriptionId);
    const key = input.idempotencyKey ?? mintId('VASK');
    const prior = await findVasPurchaseByKey(tx, subscriptionId, key);
    if (prior) return { purchase: prior, replayed: true };

    const now = clock.now();
    const sub = await applyVasExpiry(tx, deps, locked, now);
    checkVasAllowed(sub, now);
    const vas = await findVas(input.vasOfferingId);
    checkVasOffering(vas, input.vasOfferingId);
    const card = pickCardOnFile(await deps.payment.listMethods(sub.customerId));
    checkCardOnFile(card, VAS_COF_RULE, sub.customerId);
    const paid = await chargeCard(
      deps.payment,
      { customerId: sub.customerId, paymentMethodId: card.id, amount: vas.priceAmount, currency: vas.currency, purpose: 'vas', idempotencyKey: `vas:${sub.id}:${key}` },
      VAS_COF_RULE,
    );
    if (paid.status !== 'approved') throw new PolicyViolation(VAS_COF_RULE, `the VAS charge was ${paid.status}`, { paymentId: paid.id, paymentStatus: paid.status });

    const type = vas.allowanceType;
    const expiresAt = vas.expiryHours !== null ? new Date(now.getTime() + vas.expiryHours * HOUR_MS) : null;
    const dayPass = vas.allowanceQuantity === -1;
    // A day pass without its own expiry runs to the end of the period (the renewal starts a fresh bundle).
    const passUntil = expiresAt ?? sub.currentPeriodEnd ?? now;
    const balance = await lockBalance(tx, sub.id, type);
    if (!balance) {
      await insertBalances(tx, sub.id, [{ allowanceType: type, total: dayPass ? 0 : vas.allowanceQuantity, unit: vas.allowanceUnit ?? 'mb' }], {
        start: sub.currentPeriodStart ?? now,
        end: sub.currentPeriodEnd ?? passUntil,
      }, now);
      if (dayPass) await setBalance(tx, sub.id, type, { unlimitedUntil: passUntil }, now);
    } else if (dayPass) {
      const until = balance.unlimitedUntil && balance.unlimitedUntil > passUntil ? balance.unlimitedUntil : passUntil;
      await setBalance(tx, sub.id, type, { unlimitedUntil: until }, now);
    } else if (balance.total !== -1) {
      await setBalance(tx, sub.id, type, { total: balance.total + vas.allowanceQuantity }, now);
    }

    const after = await lockBalance(tx, sub.id, 'data');
    const restoresData = sub.state === 'blocked' && sub.stateReason === 'primary_allowance_exhausted' && type === 'data' && after !== undefined && !isExhausted(effectiveLevel(after, now));
    const row = await insertVasPurchase(tx, {
      id: mintId('VAS'),
      subscriptionId: sub.id,
      customerId: sub.customerId,
      vasOfferingId: vas.id,
      idempotencyKey: key,
      paymentId: paid.id,
      amount: vas.priceAmount,
      currency: vas.currency,
      allowanceType: type,
      quantity: vas.allowanceQuantity,
      unit: vas.allowanceUnit ?? 'mb',
      previousState: sub.state,
      unblocked: restoresData,
      purchasedAt: now,
      expiresAt: dayPass ? passUntil : expiresAt,
    });
    await recordCharge(tx, {
      subscriptionId: sub.id,
      customerId: sub.customerId,
      kind: 'vas',
      paymentId: paid.id,
      amount: vas.priceAmount,
      currency: vas.currency,
      offeringId: vas.id,
      description: vas.name ?? vas.id,
      periodStart: now,
      periodEnd: row.expiresAt ?? sub.currentPeriodEnd,
      chargedAt: now,
    });
    await outbox.stage(tx, vasPurchased(sub, row));
    if (restoresData) {
      const active = await transition(tx, sub, 'top_up', 'vas_top_up', now);
      await outbox.stage(tx, subscriptionUnblocked(active, 'vas_top_up'));
    } else if (sub.state === 'active') {
      await transition(tx, sub, 'top_up', 'vas_top_up', now);
    }
    return { purchase: row, replayed: false };
  }

  return { purchase };
}
