// Event builders of the ingest: usage.recorded (a stored record) and usage.rejected (refused at the edge).
import type { NewEvent } from '@bss/events';
import type { LineSubscription } from '../adapters/subscription-lookup.ts';
import type { RecordInput } from '../domain/usage-input.ts';
import type { UsageRow } from '../schema.ts';

/** A record passed the edge checks and was stored; rating consumes it. The business flow is the record's. */
export function usageRecorded(row: UsageRow): NewEvent<'usage.recorded'> {
  return {
    eventType: 'usage.recorded',
    aggregateType: 'usage',
    aggregateId: row.id,
    correlationId: row.id,
    payload: {
      usageEventId: row.id,
      subscriptionId: row.subscriptionId,
      customerId: row.customerId,
      msisdn: row.msisdn,
      eventType: row.eventType,
      eventTime: row.eventTime.toISOString(),
      quantity: row.quantity,
      unit: row.unit,
      roaming: row.roaming,
      offeringId: row.offeringId,
      source: row.source,
      externalId: row.externalId,
    },
  };
}

/** A record was refused with `reason` (a rule id); the aggregate is the subscription when known, else the line. */
export function usageRejected(input: RecordInput, reason: string, sub: LineSubscription | undefined): NewEvent<'usage.rejected'> {
  return {
    eventType: 'usage.rejected',
    aggregateType: 'usage',
    aggregateId: sub?.id ?? input.msisdn,
    payload: {
      msisdn: input.msisdn,
      subscriptionId: sub?.id ?? null,
      subscriptionState: sub?.state ?? null,
      eventType: input.eventType,
      eventTime: input.eventTime,
      quantity: input.quantity,
      unit: input.unit,
      externalId: input.externalId ?? null,
      reason,
    },
  };
}
