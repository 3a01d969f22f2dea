// The inbox half of a safe consumer: claim (event, consumer) in the handler's transaction, so a redelivered
// event is skipped, and a failed handler rolls the claim back with everything else.
import type { EventEnvelope } from '@bss/contracts';
import type { Database, Tx } from '@bss/db';
import { runWithContext, systemContext } from '@bss/telemetry';
import { sql } from 'drizzle-orm';
import type { EventHandler } from './types.ts';

/** Inserts the inbox row; false when this consumer already handled the event. */
export async function claimInbox(tx: Tx, schema: string, consumer: string, event: EventEnvelope): Promise<boolean> {
  const result = await tx.execute(sql`
    INSERT INTO ${sql.raw(`${schema}.inbox`)} (event_id, consumer, event_type)
    VALUES (${event.eventId}, ${consumer}, ${event.eventType})
    ON CONFLICT (event_id, consumer) DO NOTHING`);
  return (result.rowCount ?? 0) > 0;
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
  const ctx = systemContext({
    actor: event.actor,
    channel: event.channel,
    tenant: event.tenant,
    correlationId: event.correlationId ?? event.aggregateId,
    causationId: event.eventId,
    ...(traceparent ? { traceparent, traceId: traceparent.split('-')[1]! } : {}),
  });
  return runWithContext(ctx, () =>
    database.db.transaction(async (tx) => {
      if (!(await claimInbox(tx, schema, consumer, event))) return 'duplicate' as const;
      await handler(tx, event);
      return 'handled' as const;
    }),
  );
}
