// Event builders of the line's lifecycle after activation. The correlation id is the causing flow's (the usage
// record, the renewal, the purchase) and comes from the request/event context the outbox stamps.
import type { NewEvent } from '@bss/events';
import type { SubscriptionRow } from '../schema.ts';

const base = (row: SubscriptionRow) => ({ subscriptionId: row.id, customerId: row.customerId, msisdn: row.msisdn });

export function subscriptionExhausted(
  row: SubscriptionRow,
  usage: { usageEventId: string; total: number; consumed: number; overage: number },
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
