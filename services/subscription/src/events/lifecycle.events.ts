// Event builders of the line's lifecycle after activation. The correlation id is the causing flow's (the usage
// record, the renewal, the purchase) and comes from the request/event context the outbox stamps.
import type { NewEvent } from '@bss/events';
import type { SubscriptionRow, VasPurchaseRow } from '../schema.ts';

const base = (row: SubscriptionRow) => ({ subscriptionId: row.id, customerId: row.customerId, msisdn: row.msisdn });

export function subscriptionExhausted(
  row: SubscriptionRow,
  usage: { usageEventId: string | null; total: number; consumed: number; overage: number },
): NewEvent<'subscription.exhausted'> {
  return {
    eventType: 'subscription.exhausted',
    aggregateType: 'subscription',
    aggregateId: row.id,
    payload: { ...base(row), allowanceType: 'data', usageEventId: usage.usageEventId, total: usage.total, consumed: usage.consumed, overageQuantity: usage.overage },
  };
}

export function subscriptionBlocked(row: SubscriptionRow, reason: 'exhausted' | 'renew_failed', previousState: string): NewEvent<'subscription.blocked'> {
  return { eventType: 'subscription.blocked', aggregateType: 'subscription', aggregateId: row.id, payload: { ...base(row), reason, previousState } };
}

export function usageRejected(
  row: SubscriptionRow,
  usage: { usageEventId: string; allowanceType: string; consumedQuantity: number; remaining: number | null },
  reason: string,
): NewEvent<'subscription.usage_rejected'> {
  return {
    eventType: 'subscription.usage_rejected',
    aggregateType: 'subscription',
    aggregateId: row.id,
    payload: { ...base(row), ...usage, reason },
  };
}

export function vasPurchased(row: SubscriptionRow, p: VasPurchaseRow): NewEvent<'subscription.vas_purchased'> {
  return {
    eventType: 'subscription.vas_purchased',
    aggregateType: 'subscription',
    aggregateId: row.id,
    payload: {
      ...base(row),
      vasPurchaseId: p.id,
      vasOfferingId: p.vasOfferingId,
      paymentId: p.paymentId,
      amountCharged: p.amount,
      currency: p.currency,
      allowanceType: p.allowanceType,
      quantity: p.quantity,
      expiresAt: p.expiresAt ? p.expiresAt.toISOString() : null,
      previousState: p.previousState,
    },
  };
}

export function subscriptionUnblocked(row: SubscriptionRow, reason: 'vas_top_up' | 'renewed'): NewEvent<'subscription.unblocked'> {
  return { eventType: 'subscription.unblocked', aggregateType: 'subscription', aggregateId: row.id, payload: { ...base(row), reason } };
}

export function vasExpired(row: SubscriptionRow, p: VasPurchaseRow, takenBack: number): NewEvent<'subscription.vas_expired'> {
  return {
    eventType: 'subscription.vas_expired',
    aggregateType: 'subscription',
    aggregateId: row.id,
    payload: { ...base(row), vasPurchaseId: p.id, vasOfferingId: p.vasOfferingId, allowanceType: p.allowanceType, quantity: p.quantity, takenBack },
  };
}
