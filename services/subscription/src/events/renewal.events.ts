// Event builders of renewal, plan change and termination.
import type { NewEvent } from '@bss/events';
import type { SubscriptionRow } from '../schema.ts';

const base = (row: SubscriptionRow) => ({ subscriptionId: row.id, customerId: row.customerId, msisdn: row.msisdn });
const ev = <T extends string>(eventType: T, row: SubscriptionRow, payload: NewEvent<T>['payload']): NewEvent<T> => ({
  eventType,
  aggregateType: 'subscription',
  aggregateId: row.id,
  payload,
});

export function subscriptionRenewed(row: SubscriptionRow, paymentId: string, previousState: string, planChanged: boolean): NewEvent<'subscription.renewed'> {
  return ev('subscription.renewed', row, {
    ...base(row),
    offeringId: row.offeringId,
    paymentId,
    amountCharged: row.priceAmount,
    currency: row.priceCurrency,
    periodStart: row.currentPeriodStart!.toISOString(),
    periodEnd: row.currentPeriodEnd!.toISOString(),
    previousState,
    planChanged,
  });
}

export function renewFailed(
  row: SubscriptionRow,
  f: { paymentId: string | null; paymentStatus: string | null; amount: string; currency: string; reason: string },
): NewEvent<'subscription.renew_failed'> {
  return ev('subscription.renew_failed', row, { ...base(row), ...f, pendingOfferingId: row.pendingOfferingId });
}

export function renewalSkipped(row: SubscriptionRow, now: Date): NewEvent<'subscription.renewal_skipped'> {
  return ev('subscription.renewal_skipped', row, { ...base(row), reason: 'blocked', dueAt: row.nextRenewalAt!.toISOString(), skippedAt: now.toISOString() });
}

export function renewalReminder(row: SubscriptionRow): NewEvent<'subscription.renewal_reminder'> {
  const pivot = row.pendingPriceAmount !== null && row.pendingEffectiveAt !== null && row.nextRenewalAt !== null && row.pendingEffectiveAt <= row.nextRenewalAt;
  return ev('subscription.renewal_reminder', row, {
    ...base(row),
    offeringId: pivot ? row.pendingOfferingId! : row.offeringId,
    amount: pivot ? row.pendingPriceAmount! : row.priceAmount,
    currency: pivot ? row.pendingPriceCurrency! : row.priceCurrency,
    renewsAt: row.nextRenewalAt!.toISOString(),
  });
}

export function planChanged(before: SubscriptionRow, after: SubscriptionRow): NewEvent<'subscription.plan_changed'> {
  return ev('subscription.plan_changed', after, {
    subscriptionId: after.id,
    customerId: after.customerId,
    fromOfferingId: before.offeringId,
    toOfferingId: after.offeringId,
    fromPriceId: before.priceOfferingPriceId,
    toPriceId: after.priceOfferingPriceId,
    amount: after.priceAmount,
    currency: after.priceCurrency,
  });
}

export function subscriptionTerminated(row: SubscriptionRow, reason: string, previousState: string, releaseInventory: boolean): NewEvent<'subscription.terminated'> {
  return ev('subscription.terminated', row, { ...base(row), iccid: row.iccid, reason, previousState, releaseInventory });
}

export function planChangeScheduled(row: SubscriptionRow): NewEvent<'subscription.plan_change_scheduled'> {
  return ev('subscription.plan_change_scheduled', row, {
    subscriptionId: row.id,
    customerId: row.customerId,
    currentOfferingId: row.offeringId,
    newOfferingId: row.pendingOfferingId!,
    newPriceId: row.pendingOfferingPriceId!,
    effectiveAt: row.pendingEffectiveAt!.toISOString(),
  });
}

export function planChangeCancelled(row: SubscriptionRow, offeringId: string, priceId: string): NewEvent<'subscription.plan_change_cancelled'> {
  return ev('subscription.plan_change_cancelled', row, { subscriptionId: row.id, customerId: row.customerId, cancelledOfferingId: offeringId, cancelledPriceId: priceId });
}

export function priceMigrationScheduled(row: SubscriptionRow, noticeDays: number): NewEvent<'subscription.price_migration_scheduled'> {
  return ev('subscription.price_migration_scheduled', row, {
    subscriptionId: row.id,
    customerId: row.customerId,
    offeringId: row.offeringId,
    fromPriceId: row.priceOfferingPriceId,
    newPriceId: row.pendingOfferingPriceId!,
    newAmount: row.pendingPriceAmount!,
    currency: row.pendingPriceCurrency!,
    effectiveAt: row.pendingEffectiveAt!.toISOString(),
    noticeDays,
  });
}
