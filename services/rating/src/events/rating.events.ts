// Event builders of rating: usage.rated (the balance to decrement and by how much) or usage.rating_rejected (a
// rule id; nothing is decremented). Both carry the usage as recorded; the aggregate stays the usage record.
import type { EventPayload } from '@bss/contracts';
import type { NewEvent } from '@bss/events';
import type { Rated } from '../domain/tariff.ts';

type Recorded = EventPayload<'usage.recorded'>;

const usageOf = (u: Recorded) => ({
  usageEventId: u.usageEventId,
  subscriptionId: u.subscriptionId,
  customerId: u.customerId,
  msisdn: u.msisdn,
  eventType: u.eventType,
  eventTime: u.eventTime,
  quantity: u.quantity,
  unit: u.unit,
  roaming: u.roaming,
  offeringId: u.offeringId,
});

export function usageRated(u: Recorded, rated: Rated): NewEvent<'usage.rated'> {
  return { eventType: 'usage.rated', aggregateType: 'usage', aggregateId: u.usageEventId, payload: { ...usageOf(u), ...rated } };
}

export function usageRatingRejected(u: Recorded, reason: string): NewEvent<'usage.rating_rejected'> {
  return { eventType: 'usage.rating_rejected', aggregateType: 'usage', aggregateId: u.usageEventId, payload: { ...usageOf(u), reason } };
}
