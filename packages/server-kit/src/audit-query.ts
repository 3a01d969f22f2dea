// Reading the audit trail (`<schema>.outbox`) a page at a time with an opaque keyset cursor. Pages follow
// (occurred_at, id) — a total order served by the `outbox_time_idx` index — and the cursor names the last row
// of a page, so walking every page returns each row exactly once however large the trail (offset paging would
// slow down linearly and shift under concurrent inserts). A row committed later with an earlier occurred_at
// than a reader's position is behind that reader; a reader after history, not a live tail, is the use.
import type { AuditEvent } from '@bss/contracts';
import type { Database } from '@bss/db';
import { outboxRowToEnvelope, type OutboxRow } from '@bss/events';
import { ValidationFailed } from '@bss/policy';
import { sql, type SQL } from 'drizzle-orm';

/** Filters of an audit query (all optional) plus the page size and position. */
export interface AuditQuery {
  aggregateType?: string;
  aggregateId?: string;
  eventType?: string;
  eventTypePrefix?: string;
  traceId?: string;
  serviceIdentity?: string;
  occurredSince?: string;
  occurredUntil?: string;
  limit: number;
  cursor?: string;
}

/** One page of the trail; `nextCursor` is null on the last page. */
export interface AuditPage {
  events: AuditEvent[];
  nextCursor: string | null;
}

/** A position in the (occurred_at, id) order: the instant to the microsecond, and the row id. */
interface Position {
  at: string;
  id: string;
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const ID = /^[1-9]\d{0,18}$/;

/** Encodes a position as base64url JSON; opaque to clients. */
export function encodeCursor(p: Position): string {
  return Buffer.from(JSON.stringify([p.at, p.id])).toString('base64url');
}

/** Decodes a cursor from `encodeCursor`; anything else is a 400 `audit.cursor.invalid`. */
export function decodeCursor(cursor: string): Position {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
    const [at, id] = parsed as [string, string];
    // Year 0 passes the pattern and Date.parse, but Postgres refuses it: a forged cursor must stay a 400.
    const year = new Date(Date.parse(at)).getUTCFullYear();
    if (AT.test(at) && year >= 1 && year <= 9999 && ID.test(id)) return { at, id };
  }
  throw new ValidationFailed('audit.cursor.invalid', 'cursor is not one this API issued', { field: 'cursor' });
}

type Row = OutboxRow & { published_at: Date | null; publish_attempts: number; cursor_at: string };

/** Reads one page of `schema`'s audit trail. */
export async function listAuditEvents(database: Database, schema: string, q: AuditQuery, tenant: string): Promise<AuditPage> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name: ${schema}`);
  const table = sql.raw(`${schema}.outbox`);
  const where: SQL[] = [sql`tenant_id = ${tenant}`];
  if (q.aggregateType) where.push(sql`aggregate_type = ${q.aggregateType}`);
  if (q.aggregateId) where.push(sql`aggregate_id = ${q.aggregateId}`);
  if (q.eventType) where.push(sql`event_type = ${q.eventType}`);
  if (q.eventTypePrefix) where.push(sql`starts_with(event_type, ${q.eventTypePrefix})`);
  if (q.traceId) where.push(sql`trace_id = ${q.traceId}`);
  if (q.serviceIdentity) where.push(sql`service_identity = ${q.serviceIdentity}`);
  if (q.occurredSince) where.push(sql`occurred_at >= ${q.occurredSince}`);
  if (q.occurredUntil) where.push(sql`occurred_at < ${q.occurredUntil}`);
  if (q.cursor) {
    const after = decodeCursor(q.cursor);
    where.push(sql`(occurred_at, id) > (${after.at}::timestamptz, ${after.id}::bigint)`);
  }
  // One row more than the page tells whether another page follows, without a count.
  const { rows } = await database.db.execute<Row>(sql`
    SELECT *, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
    FROM ${table} WHERE ${sql.join(where, sql` AND `)} ORDER BY occurred_at, id LIMIT ${q.limit + 1}`);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    events: page.map((r) => ({
      ...outboxRowToEnvelope(r),
      publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
      publishAttempts: r.publish_attempts,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.cursor_at, id: String(last.id) }) : null,
  };
}
