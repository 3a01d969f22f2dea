// Envelopes of the events COM consumes, as their producers (SOM, subscription) would stage them.
import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventPayload, EventType } from '@bss/contracts';

export function envelope<T extends EventType>(eventType: T, aggregateId: string, payload: EventPayload<T>, correlationId: string): EventEnvelope {
  return {
    eventId: randomUUID(),
    eventType,
    aggregateType: eventType.startsWith('service_order') ? 'service_order' : 'subscription',
    aggregateId,
    occurredAt: '2026-06-01T00:05:00.000Z',
    actor: 'system',
    channel: 'system',
    tenant: 'DEFAULT',
    serviceIdentity: 'system',
    requestId: null,
    traceId: null,
    schemaVersion: 1,
    correlationId,
    causationId: null,
    payload: payload as Record<string, unknown>,
  };
}

export const activated = (orderId: string, customerId: string, n: number) =>
  envelope(
    'subscription.activated',
    `SUB-${n}`,
    {
      subscriptionId: `SUB-${n}`,
      orderId,
      customerId,
      offeringId: 'PLAN_M',
      msisdn: `659000${String(n).padStart(4, '0')}`,
      iccid: `8965000000000${String(n).padStart(6, '0')}`,
      paymentId: `PAY-${n}`,
      amountCharged: '25.00',
      currency: 'SGD',
      periodStart: '2026-06-01T00:05:00.000Z',
      periodEnd: '2026-07-01T00:05:00.000Z',
    },
    orderId,
  );

export const declined = (orderId: string, customerId: string) =>
  envelope(
    'subscription.activation_declined',
    orderId,
    { orderId, customerId, offeringId: 'PLAN_M', serviceOrderId: `SO-${orderId}`, paymentId: 'PAY-9', reason: 'card declined', declineCode: 'card_declined' },
    orderId,
  );

export const soFailed = (orderId: string, customerId: string, failedTaskType: 'HLR_PROVISION' | null = 'HLR_PROVISION') =>
  envelope('service_order.failed', `SO-${orderId}`, { serviceOrderId: `SO-${orderId}`, orderId, customerId, reason: 'HLR refused', failedTaskType }, orderId);
