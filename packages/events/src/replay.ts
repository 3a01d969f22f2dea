// Re-publishing outbox rows for an operator: the rows are selected (by event id or occurred_at range) and
// their published stamp is cleared, so the relay — still the only publisher — sends them again in id order.
// Consumers dedupe through their inbox, so a consumer that already handled an event skips the copy.
import type { Tx } from '@bss/db';
import { sql } from 'drizzle-orm';

/** An outbox row considered for re-publishing. */
export interface RepublishCandidate {
  eventId: string;
  eventType: string;
  occurredAt: Date;
  /** False when the row is still waiting for the relay (nothing to reset). */
  published: boolean;
}

/** Which rows to re-publish: explicit event ids, or every row with `from <= occurred_at < to`. */
export type RepublishSelection = { eventIds: string[] } | { from: Date; to: Date };

const SCHEMA = /^[a-z_][a-z0-9_]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Postgres uuid[] literal; ids are checked here because they are spliced into the literal. */
function uuidArray(ids: string[]): string {
  for (const id of ids) if (!UUID.test(id)) throw new Error(`not a uuid: ${id.slice(0, 40)}`);
  return `{${ids.join(',')}}`;
}

function table(schema: string) {
  if (!SCHEMA.test(schema)) throw new Error(`bad schema name: ${schema}`);
  return sql.raw(`${schema}.outbox`);
}

/**
 * Locks and returns the selected rows (at most `limit`, in id order) so a concurrent relay batch or
 * retention run cannot interleave with the reset. The caller checks the result before resetting.
 */
export async function selectForRepublish(tx: Tx, schema: string, selection: RepublishSelection, limit: number): Promise<RepublishCandidate[]> {
  const where =
    'eventIds' in selection
      ? sql`event_id = ANY(${uuidArray(selection.eventIds)}::uuid[])`
      : sql`occurred_at >= ${selection.from.toISOString()} AND occurred_at < ${selection.to.toISOString()}`;
  const { rows } = await tx.execute<{ event_id: string; event_type: string; occurred_at: Date | string; published: boolean }>(sql`
    SELECT event_id, event_type, occurred_at, published_at IS NOT NULL AS published
    FROM ${table(schema)} WHERE ${where} ORDER BY id LIMIT ${limit} FOR UPDATE`);
  return rows.map((r) => ({ eventId: r.event_id, eventType: r.event_type, occurredAt: new Date(r.occurred_at), published: r.published }));
}

/** Counts the rows of a range selection, stopping at `cap` (enough to tell "too many"). */
export async function countRange(tx: Tx, schema: string, from: Date, to: Date, cap: number): Promise<number> {
  const { rows } = await tx.execute<{ n: string }>(sql`
    SELECT count(*) AS n FROM (SELECT 1 FROM ${table(schema)}
      WHERE occurred_at >= ${from.toISOString()} AND occurred_at < ${to.toISOString()} LIMIT ${cap}) capped`);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Clears the published stamp (and the last error) of `eventIds` and queues them again (outbox_pending), so the
 * relay publishes them again; the attempt counter keeps counting. Returns the ids reset. Pair with a
 * NOTIFY-sending `outbox.stage` in the same transaction (the admin audit event) so the relay wakes on commit
 * instead of at its next sweep.
 */
export async function resetPublished(tx: Tx, schema: string, eventIds: string[]): Promise<string[]> {
  if (eventIds.length === 0) return [];
  const { rows } = await tx.execute<{ event_id: string }>(sql`
    WITH reset AS (
      UPDATE ${table(schema)} SET published_at = NULL, last_publish_error = NULL
      WHERE event_id = ANY(${uuidArray(eventIds)}::uuid[]) AND published_at IS NOT NULL
      RETURNING id, event_id),
    queued AS (INSERT INTO ${sql.raw(`${schema}.outbox_pending`)} (id) SELECT id FROM reset ON CONFLICT DO NOTHING)
    SELECT event_id FROM reset ORDER BY id`);
  return rows.map((r) => r.event_id);
}
