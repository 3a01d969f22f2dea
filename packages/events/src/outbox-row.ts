// The outbox row as Postgres returns it, and its mapping back to the envelope that was staged; shared by the
// relay (what goes on the wire) and the audit API (what the trail shows).
import type { EventEnvelope } from '@bss/contracts';

/** A row of `<schema>.outbox` (snake_case columns as returned by pg). */
export interface OutboxRow {
  id: string;
  event_id: string;
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  occurred_at: string | Date;
  actor: string;
  channel: string;
  tenant_id: string;
  service_identity: string;
  request_id: string | null;
  trace_id: string | null;
  traceparent: string | null;
  schema_version: number | string;
  correlation_id?: string | null;
  causation_id?: string | null;
  payload: Record<string, unknown> | string;
  [key: string]: unknown;
}


/** Rebuilds the staged envelope from its outbox row. */
export function outboxRowToEnvelope(row: OutboxRow): EventEnvelope {
  return {
    eventId: row.event_id,
    eventType: row.event_type,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    actor: row.actor,
    channel: row.channel,
    tenant: row.tenant_id,
    serviceIdentity: row.service_identity,
    requestId: row.request_id,
    traceId: row.trace_id,
    schemaVersion: Number(row.schema_version),
    correlationId: row.correlation_id ?? null,
    causationId: row.causation_id ?? null,
    payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as Record<string, unknown>) : row.payload,
  };
}
