// The inbox half of a safe consumer: claim (event, consumer) in the handler's transaction, so a redelivered
// event is skipped, and a failed handler rolls the claim back with everything else.
import type { EventEnvelope } from '@bss/contracts';
import { statement, type Database, type Tx } from '@bss/db';
import { runWithContext, systemContext } from '@bss/telemetry';
import type { BatchEventHandler, BatchItem, EventHandler } from './types.ts';

// Named prepared statements (see @bss/db statement.ts): one text per schema, whatever the batch size.
const claims = new Map<string, { one: ReturnType<typeof statement>; many: ReturnType<typeof statement<{ event_id: string }>> }>();
function claimStatements(schema: string) {
  let found = claims.get(schema);
  if (!found) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name: ${schema}`);
    found = {
      one: statement(`bss_inbox_claim_${schema}`, `INSERT INTO ${schema}.inbox (event_id, consumer, event_type) VALUES ($1, $2, $3) ON CONFLICT (event_id, consumer) DO NOTHING`),
      many: statement<{ event_id: string }>(
        `bss_inbox_claim_many_${schema}`,
        `INSERT INTO ${schema}.inbox (event_id, consumer, event_type)
         SELECT e, $2, t FROM unnest($1::uuid[], $3::text[]) WITH ORDINALITY AS u(e, t, n) ORDER BY n
         ON CONFLICT (event_id, consumer) DO NOTHING
         RETURNING event_id`,
      ),
    };
    claims.set(schema, found);
  }
  return found;
}

/** Inserts the inbox row; false when this consumer already handled the event. */
export async function claimInbox(tx: Tx, schema: string, consumer: string, event: EventEnvelope): Promise<boolean> {
  const result = await claimStatements(schema).one(tx, [event.eventId, consumer, event.eventType]);
  return (result.rowCount ?? 0) > 0;
}

/**
 * Inserts the inbox rows of `events` in one statement; returns the ids this consumer had not handled yet. Rows go
 * in event-id order, so two batches claiming the same redelivered events wait for each other instead of deadlocking.
 */
export async function claimInboxMany(tx: Tx, schema: string, consumer: string, events: readonly EventEnvelope[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const sorted = [...events].sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
  const result = await claimStatements(schema).many(tx, [sorted.map((e) => e.eventId), consumer, sorted.map((e) => e.eventType)]);
  return new Set(result.rows.map((r) => String(r.event_id)));
}

/** The request context a handler of `event` runs in (its own staged events are caused by it). */
function contextOf(event: EventEnvelope, traceparent?: string) {
  return systemContext({
    actor: event.actor,
    channel: event.channel,
    tenant: event.tenant,
    correlationId: event.correlationId ?? event.aggregateId,
    causationId: event.eventId,
    ...(traceparent ? { traceparent, traceId: traceparent.split('-')[1]! } : {}),
  });
}

/** One delivered event of a batch and the trace its handling continues. */
export interface BatchEntry {
  event: EventEnvelope;
  traceparent?: string | undefined;
}

/**
 * Handles `entries` in one transaction: one multi-row inbox claim, then `handler` once per tenant (in the order
 * each tenant first appears) with that tenant's claimed events in delivery order, in the first one's context.
 * A second copy of an event inside the batch and an event already handled are duplicates. Returns one outcome
 * per entry; a handler error propagates after the rollback (nothing of the batch is claimed then).
 */
export async function handleBatchOnce(
  database: Database,
  schema: string,
  consumer: string,
  entries: readonly BatchEntry[],
  handler: BatchEventHandler,
): Promise<('handled' | 'duplicate')[]> {
  const first = new Map<string, number>();
  entries.forEach((e, i) => {
    if (!first.has(e.event.eventId)) first.set(e.event.eventId, i);
  });
  const unique = [...first.values()].map((i) => entries[i]!);
  const claimed = await database.db.transaction(async (tx) => {
    const fresh = await claimInboxMany(tx, schema, consumer, unique.map((e) => e.event));
    const byTenant = new Map<string, { ctx: ReturnType<typeof contextOf>; items: BatchItem[] }>();
    for (const e of unique) {
      if (!fresh.has(e.event.eventId)) continue;
      const ctx = contextOf(e.event, e.traceparent);
      const group = byTenant.get(ctx.tenant) ?? { ctx, items: [] };
      byTenant.set(ctx.tenant, group);
      group.items.push({ event: e.event, within: (fn) => runWithContext(ctx, fn) });
    }
    for (const { ctx, items } of byTenant.values()) await runWithContext(ctx, () => handler(tx, items));
    return fresh;
  });
  return entries.map((e, i) => (first.get(e.event.eventId) === i && claimed.has(e.event.eventId) ? 'handled' : 'duplicate'));
}

/**
 * Runs `handler` for `event` exactly once per consumer: claim + handler + any staged events commit together.
 * Returns 'handled' or 'duplicate'; a handler error propagates after rollback. The handler runs in a
 * request context carrying the event's actor, channel and trace so its own events chain to the cause.
 */
export async function handleOnce(
  database: Database,
  schema: string,
  consumer: string,
  event: EventEnvelope,
  handler: EventHandler,
  traceparent?: string,
): Promise<'handled' | 'duplicate'> {
  // Events the handler stages are caused by this one and continue its business flow.
  return runWithContext(contextOf(event, traceparent), () =>
    database.db.transaction(async (tx) => {
      if (!(await claimInbox(tx, schema, consumer, event))) return 'duplicate' as const;
      await handler(tx, event);
      return 'handled' as const;
    }),
  );
}
