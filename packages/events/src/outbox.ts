// Staging events: `stage(tx, …)` inserts an outbox row in the caller's transaction and queues a NOTIFY that
// Postgres delivers only on commit, so the relay wakes for committed events and never for rolled-back ones.
import { randomUUID } from 'node:crypto';
import type { Clock } from '@bss/clock';
import type { EventEnvelope } from '@bss/contracts';
import type { Tx } from '@bss/db';
import { currentContext } from '@bss/telemetry';
import { sql } from 'drizzle-orm';

/** What a service says about an event; the envelope's identity, time and context are filled in here. */
export interface NewEvent {
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/** The Postgres NOTIFY channel the relay of `schema` listens on. */
export const notifyChannel = (schema: string) => `bss_outbox_${schema}`;

/** A service's outbox: stages events into `<schema>.outbox`. */
export interface Outbox {
  readonly schema: string;
  stage(tx: Tx, event: NewEvent): Promise<EventEnvelope>;
}

/** Creates the outbox writer for `schema`. Time comes from `clock`; actor/channel/trace from the request context. */
export function createOutbox(schema: string, clock: Clock): Outbox {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name: ${schema}`);
  const table = sql.raw(`${schema}.outbox`);
  const channel = notifyChannel(schema);
  return {
    schema,
    async stage(tx, event) {
      const ctx = currentContext();
      const envelope: EventEnvelope = {
        eventId: randomUUID(),
        eventType: event.eventType,
        aggregateType: event.aggregateType,
        aggregateId: event.aggregateId,
        occurredAt: clock.now().toISOString(),
        actor: ctx.actor,
        channel: ctx.channel,
        tenant: ctx.tenant,
        serviceIdentity: ctx.serviceIdentity,
        requestId: ctx.requestId,
        traceId: ctx.traceId,
        schemaVersion: 1,
        payload: event.payload,
      };
      await tx.execute(sql`
        INSERT INTO ${table} (event_id, event_type, aggregate_type, aggregate_id, occurred_at, actor, channel,
          tenant_id, service_identity, request_id, trace_id, traceparent, schema_version, payload)
        VALUES (${envelope.eventId}, ${envelope.eventType}, ${envelope.aggregateType}, ${envelope.aggregateId},
          ${envelope.occurredAt}, ${envelope.actor}, ${envelope.channel}, ${envelope.tenant},
          ${envelope.serviceIdentity}, ${envelope.requestId}, ${envelope.traceId}, ${ctx.traceparent},
          ${envelope.schemaVersion}, ${JSON.stringify(envelope.payload)}::jsonb)`);
      await tx.execute(sql`SELECT pg_notify(${channel}, '')`);
      return envelope;
    },
  };
}
