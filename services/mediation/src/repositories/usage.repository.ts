// Queries over mediation.usage. The partial unique index on (tenant, external_id) is what makes a replayed
// record count once; insertUsages leaves a clashing record out instead of raising.
import { columnArrays, statement, type Executor, type Tx } from '@bss/db';
import { NotFound } from '@bss/policy';
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { usage, type UsageRow } from '../schema.ts';
import { inTenant } from './tenant.ts';

export async function findUsage(ex: Executor, id: string): Promise<UsageRow | undefined> {
  const [row] = await ex.select().from(usage).where(and(eq(usage.id, id), inTenant(usage.tenantId)));
  return row;
}

/** The record, or NotFound (404 usage.not_found). */
export async function getUsage(ex: Executor, id: string): Promise<UsageRow> {
  const row = await findUsage(ex, id);
  if (!row) throw new NotFound('usage', id);
  return row;
}

export async function findUsageByExternalId(ex: Executor, externalId: string): Promise<UsageRow | undefined> {
  const [row] = await ex.select().from(usage).where(and(eq(usage.externalId, externalId), inTenant(usage.tenantId)));
  return row;
}

/** The columns of insertMany's arrays, in its parameters' order. */
const INSERT_COLUMNS = ['id', 'tenantId', 'msisdn', 'subscriptionId', 'customerId', 'offeringId', 'eventType', 'eventTime', 'quantity', 'unit', 'roaming', 'source', 'externalId', 'description', 'createdAt'] as const;

// The records as one array per column (unnest, in order): one statement text for any batch size, prepared once
// per connection (@bss/db statement.ts) instead of a drizzle multi-row INSERT rebuilt for every batch.
const insertMany = statement<{ id: string }>(
  'mediation_usage_insert_many',
  `INSERT INTO mediation.usage (id, tenant_id, msisdn, subscription_id, customer_id, offering_id, event_type, event_time,
     quantity, unit, roaming, source, external_id, description, created_at)
   SELECT i, tn, m, s, c, o, et, t, q, un, r, so, x, d, ca
   FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[],
               $9::bigint[], $10::text[], $11::boolean[], $12::text[], $13::text[], $14::text[], $15::timestamptz[])
        WITH ORDINALITY AS u(i, tn, m, s, c, o, et, t, q, un, r, so, x, d, ca, n)
   ORDER BY n
   ON CONFLICT (tenant_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
   RETURNING id`,
);

/**
 * Inserts several records (each with its tenant) in one statement; returns the ids of the ones stored. A record
 * whose external id its tenant already holds — stored before, or earlier in the same statement — is left out.
 * The stored row is the record as given (every column is written from it).
 */
export async function insertUsages(tx: Tx, rows: UsageRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const { rows: stored } = await insertMany(tx, columnArrays(rows, INSERT_COLUMNS));
  return new Set(stored.map((r) => r.id));
}

/** What the list filters on; an absent key does not filter. `since` is inclusive, `until` exclusive. */
export interface UsageFilter {
  msisdn?: string | undefined;
  subscriptionId?: string | undefined;
  eventType?: string | undefined;
  since?: Date | undefined;
  until?: Date | undefined;
}

const where = (f: UsageFilter) =>
  and(
    inTenant(usage.tenantId),
    f.msisdn === undefined ? undefined : eq(usage.msisdn, f.msisdn),
    f.subscriptionId === undefined ? undefined : eq(usage.subscriptionId, f.subscriptionId),
    f.eventType === undefined ? undefined : eq(usage.eventType, f.eventType as UsageRow['eventType']),
    f.since === undefined ? undefined : gte(usage.eventTime, f.since),
    f.until === undefined ? undefined : lt(usage.eventTime, f.until),
  );

/**
 * A page of the filtered records, newest event first, with the filtered total from the same statement (a window
 * count over the filtered rows, so page and total come from one snapshot in one round trip). Only a page past
 * the end has no row to carry the total; then a count answers it.
 */
export async function pageUsage(ex: Executor, filter: UsageFilter, page: { offset: number; limit: number }): Promise<{ rows: UsageRow[]; total: number }> {
  const result = await ex
    .select({ row: usage, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(usage)
    .where(where(filter))
    .orderBy(desc(usage.eventTime), desc(usage.id))
    .offset(page.offset)
    .limit(page.limit);
  if (result.length > 0) return { rows: result.map((r) => r.row), total: result[0]!.total };
  if (page.offset === 0) return { rows: [], total: 0 };
  const [counted] = await ex.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(usage).where(where(filter));
  return { rows: [], total: counted?.n ?? 0 };
}
