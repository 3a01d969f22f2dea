// The domain-event envelope: what every outbox row holds and what goes on the wire (AMQP body).
import { z } from 'zod';

/** A domain event. Routing key = `eventType`; AMQP `messageId` = `eventId`. */
export const EventEnvelope = z
  .object({
    eventId: z.uuid().describe('Unique id; consumers dedupe on it'),
    eventType: z.string().describe('Lowercase `aggregate.event`, e.g. customer.created'),
    aggregateType: z.string(),
    aggregateId: z.string(),
    occurredAt: z.iso.datetime({ offset: true }).describe('Business time from the injected clock'),
    actor: z.string(),
    channel: z.string(),
    tenant: z.string(),
    serviceIdentity: z.string(),
    requestId: z.string().nullable(),
    traceId: z.string().nullable(),
    schemaVersion: z.number().int(),
    correlationId: z.string().nullable().optional().describe('The business flow the event belongs to (e.g. the order id); carried forward by consumers'),
    causationId: z.uuid().nullable().optional().describe('eventId of the event whose handling staged this one; null for a direct write'),
    payload: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'EventEnvelope' });
export type EventEnvelope = z.infer<typeof EventEnvelope>;

/** One audit row as served by `GET /audit-api/v1/events`. */
export const AuditEvent = EventEnvelope.extend({
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  publishAttempts: z.number().int(),
}).meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEvent>;
