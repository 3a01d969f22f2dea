// Staging events: `stage(tx, …)` inserts an outbox row in the caller's transaction and queues a NOTIFY that
// Postgres delivers only on commit, so the relay wakes for committed events and never for rolled-back ones.
import { randomUUID } from 'node:crypto';
import type { Clock } from '@bss/clock';
import type { EventEnvelope, EventPayload, EventSpec, EventType } from '@bss/contracts';
import { statement, type Tx } from '@bss/db';
import { currentContext } from '@bss/telemetry';

/**
 * What a service says about an event; the envelope's identity, time and context are filled in here. With a
 * literal catalogued `eventType` the payload is type-checked against the catalogue.
 */
export interface NewEvent<T extends string = string> {
  eventType: T;
  aggregateType: string;
  aggregateId: string;
  payload: T extends EventType ? EventPayload<T> : Record<string, unknown>;
  /** The business flow; defaults to the handled event's (inside a consumer), else to this aggregate's id. */
  correlationId?: string;
}

/** Looks up an event type's catalogue entry (normally `eventSpec` from @bss/contracts). */
export type EventCatalogLookup = (eventType: string) => EventSpec | undefined;

/** A staged event that does not match the event catalogue: a bug in the producer. */
export class UncataloguedEvent extends Error {
  override readonly name = 'UncataloguedEvent';
}

/** The Postgres NOTIFY channel the relay of `schema` listens on. */
export const notifyChannel = (schema: string) => `bss_outbox_${schema}`;

/** An event made ready to stage: its envelope, filled in from the context it was prepared in. */
export interface PreparedEvent {
  envelope: EventEnvelope;
  traceparent: string | null | undefined;
  /** The payload as it is stored (serialised once: the catalogue check and the INSERT share it). */
  payloadJson: string;
}

/** A service's outbox: stages events into `<schema>.outbox`. */
export interface Outbox {
  readonly schema: string;
  stage<T extends string>(tx: Tx, event: NewEvent<T>): Promise<EventEnvelope>;
  /**
   * Builds (and checks against the catalogue) the envelope of `event` from the current context, without writing:
   * a batch prepares each event in the context of what caused it, then writes them with `stageMany`.
   */
  prepare<T extends string>(event: NewEvent<T>): PreparedEvent;
  /** Stages prepared events in one INSERT (in the given order) and one NOTIFY. */
  stageMany(tx: Tx, events: readonly PreparedEvent[]): Promise<void>;
}

/**
 * Creates the outbox writer for `schema`. Time comes from `clock`; actor/channel/trace and the causation from
 * the request context. With `catalog`, every staged event must be catalogued and its payload (as it will be
 * serialised) must match the schema, or `stage` throws `UncataloguedEvent` and the write rolls back.
 */
export function createOutbox(schema: string, clock: Clock, opts: { catalog?: EventCatalogLookup } = {}): Outbox {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name: ${schema}`);
  const channel = notifyChannel(schema);
  function prepare(event: NewEvent): PreparedEvent {
    const ctx = currentContext();
    let schemaVersion = 1;
    const payloadJson = JSON.stringify(event.payload);
    if (opts.catalog) {
      const spec = opts.catalog(event.eventType);
      if (!spec) throw new UncataloguedEvent(`event type ${event.eventType} is not in the event catalogue`);
      // Validate what consumers will read: the JSON form (dates become strings, undefined keys vanish).
      const result = spec.payload.safeParse(JSON.parse(payloadJson));
      if (!result.success) {
        const issues = result.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
        throw new UncataloguedEvent(`payload of ${event.eventType} does not match the event catalogue: ${issues}`);
      }
      schemaVersion = spec.schemaVersion;
    }
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
      schemaVersion,
      correlationId: event.correlationId ?? ctx.correlationId ?? event.aggregateId,
      causationId: ctx.causationId ?? null,
      payload: event.payload as Record<string, unknown>,
    };
    return { envelope, traceparent: ctx.traceparent, payloadJson };
  }

  // One round trip: the NOTIFY rides in the INSERT — an uncorrelated subquery in RETURNING is an InitPlan, run
  // once per statement however many rows it inserts. A separate `SELECT pg_notify` doubled the statements of
  // every event-staging write, on every commit's path. The rows travel as one array per column (unnest, in
  // their order), so the statement's text is the same for any number of events: a named prepared statement,
  // parsed once per connection (see @bss/db statement.ts).
  const insertEvents = statement(
    `bss_outbox_stage_${schema}`,
    `INSERT INTO ${schema}.outbox (event_id, event_type, aggregate_type, aggregate_id, occurred_at, actor, channel,
       tenant_id, service_identity, request_id, trace_id, traceparent, schema_version, correlation_id, causation_id, payload)
     SELECT e, t, at, ai, o, a, c, tn, si, r, tr, tp, v, co, ca, p
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[],
                 $9::text[], $10::text[], $11::text[], $12::text[], $13::smallint[], $14::text[], $15::uuid[], $16::jsonb[])
          WITH ORDINALITY AS u(e, t, at, ai, o, a, c, tn, si, r, tr, tp, v, co, ca, p, n)
     ORDER BY n
     RETURNING (SELECT pg_notify('${channel}', ''))`,
  );
  async function stageMany(tx: Tx, events: readonly PreparedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const columns: unknown[][] = Array.from({ length: 16 }, () => []);
    for (const { envelope: e, traceparent, payloadJson } of events) {
      const row = [e.eventId, e.eventType, e.aggregateType, e.aggregateId, e.occurredAt, e.actor, e.channel, e.tenant, e.serviceIdentity, e.requestId, e.traceId, traceparent, e.schemaVersion, e.correlationId, e.causationId, payloadJson];
      for (let i = 0; i < 16; i++) columns[i]!.push(row[i] ?? null);
    }
    await insertEvents(tx, columns);
  }

  return {
    schema,
    prepare,
    stageMany,
    async stage(tx, event) {
      const prepared = prepare(event);
      await stageMany(tx, [prepared]);
      return prepared.envelope;
    },
  };
}
