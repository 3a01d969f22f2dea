// Queries on inventory.msisdn_pool. Take an executor (tx for writes); no business rules here.
import type { Executor, Tx } from '@bss/db';
import { NotFound } from '@bss/policy';
import { and, asc, count, eq, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { msisdnPool, type MsisdnRow } from '../schema.ts';

export type MsisdnPatch = Partial<Omit<MsisdnRow, 'msisdn' | 'createdAt' | 'tenantId'>> & { updatedAt: Date };

/** Escapes LIKE metacharacters in user digits (digits cannot contain them, but stay safe). */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A preference (prefix, exact number or `*`/`?` pattern) as a LIKE pattern. */
export function preferencePattern(preference: string): string {
  if (!/[*?]/.test(preference)) return `${likeEscape(preference)}%`;
  return likeEscape(preference).replaceAll('*', '%').replaceAll('?', '_');
}

export async function findMsisdn(ex: Executor, msisdn: string): Promise<MsisdnRow | undefined> {
  const [row] = await ex.select().from(msisdnPool).where(eq(msisdnPool.msisdn, msisdn));
  return row;
}

/** Like findMsisdn, but locks the row for the rest of the transaction. */
export async function findMsisdnForUpdate(tx: Tx, msisdn: string): Promise<MsisdnRow | undefined> {
  const [row] = await tx.select().from(msisdnPool).where(eq(msisdnPool.msisdn, msisdn)).for('update');
  return row;
}

/** Locks the row (waiting for other writers); throws NotFound (with the use-case's documented `reason`) when the number is not in the pool. */
export async function getMsisdnForUpdate(tx: Tx, msisdn: string, reason?: string): Promise<MsisdnRow> {
  const [row] = await tx.select().from(msisdnPool).where(eq(msisdnPool.msisdn, msisdn)).for('update');
  if (!row) throw new NotFound('msisdn', msisdn, {}, reason ? { reason } : {});
  return row;
}

/** Who holds a number: read by the CRM core (customer by MSISDN) and the porting policies. */
export async function findMsisdnAssignment(
  tx: Executor,
  msisdn: string,
): Promise<{ msisdn: string; status: string; customerId: string | null; subscriptionId: string | null } | undefined> {
  const [row] = await tx
    .select({
      msisdn: msisdnPool.msisdn,
      status: msisdnPool.status,
      customerId: msisdnPool.assignedToCustomerId,
      subscriptionId: msisdnPool.assignedToSubscriptionId,
    })
    .from(msisdnPool)
    .where(eq(msisdnPool.msisdn, msisdn));
  return row;
}

function listFilter(filter: { status?: string; prefix?: string }): SQL | undefined {
  return and(
    filter.status ? eq(msisdnPool.status, filter.status) : undefined,
    filter.prefix ? like(msisdnPool.msisdn, `${likeEscape(filter.prefix)}%`) : undefined,
  );
}

export async function listMsisdns(
  ex: Executor,
  filter: { status?: string; prefix?: string; offset: number; limit: number },
): Promise<{ rows: MsisdnRow[]; total: number }> {
  const where = listFilter(filter);
  const rows = await ex.select().from(msisdnPool).where(where).orderBy(asc(msisdnPool.msisdn)).offset(filter.offset).limit(filter.limit);
  const [total] = await ex.select({ n: count() }).from(msisdnPool).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** Row counts per status (statuses without rows are absent). */
export async function countMsisdnsByStatus(ex: Executor, prefix?: string): Promise<Record<string, number>> {
  const rows = await ex
    .select({ status: msisdnPool.status, n: count() })
    .from(msisdnPool)
    .where(listFilter({ prefix }))
    .groupBy(msisdnPool.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function countAvailableMsisdns(ex: Executor): Promise<number> {
  const [row] = await ex.select({ n: count() }).from(msisdnPool).where(eq(msisdnPool.status, 'available'));
  return row?.n ?? 0;
}

/**
 * Locks the lowest available number matching `pattern`, skipping rows other transactions hold, so parallel
 * reservations never block on or double-book the same number.
 */
export async function lockNextAvailableMsisdn(tx: Tx, pattern: string | undefined, now?: Date): Promise<MsisdnRow | undefined> {
  const [row] = await tx
    .select()
    .from(msisdnPool)
    .where(
      and(
        eq(msisdnPool.status, 'available'),
        pattern ? like(msisdnPool.msisdn, pattern) : undefined,
        // a number in quarantine (released from service) is skipped until it ends
        now ? or(isNull(msisdnPool.quarantinedUntil), lte(msisdnPool.quarantinedUntil, now)) : undefined,
      ),
    )
    .orderBy(asc(msisdnPool.msisdn))
    .limit(1)
    .for('update', { skipLocked: true });
  return row;
}

/**
 * Locks up to `limit` numbers reserved at or before `before`, oldest first, skipping rows other transactions
 * hold (an assignment in flight keeps its number; parallel expiry passes share the work).
 */
export async function lockExpiredMsisdnReservations(tx: Tx, before: Date, limit: number): Promise<MsisdnRow[]> {
  return tx
    .select()
    .from(msisdnPool)
    .where(and(eq(msisdnPool.status, 'reserved'), lte(msisdnPool.reservedAt, before)))
    .orderBy(asc(msisdnPool.reservedAt), asc(msisdnPool.msisdn))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function updateMsisdn(tx: Tx, msisdn: string, patch: MsisdnPatch): Promise<MsisdnRow> {
  const [row] = await tx.update(msisdnPool).set(patch).where(eq(msisdnPool.msisdn, msisdn)).returning();
  if (!row) throw new NotFound('msisdn', msisdn);
  return row;
}

/** Inserts the numbers not yet in the pool; returns the ones inserted. Existing rows (any status) stay. */
export async function insertMissingMsisdns(
  tx: Tx,
  numbers: string[],
  values: { origin: 'range' | 'port_in'; tenantId: string; now: Date },
): Promise<string[]> {
  if (numbers.length === 0) return [];
  const rows = await tx.execute<{ msisdn: string }>(sql`
    INSERT INTO inventory.msisdn_pool (msisdn, status, origin, tenant_id, created_at, updated_at)
    SELECT n, 'available', ${values.origin}, ${values.tenantId}, ${values.now}, ${values.now}
    FROM jsonb_array_elements_text(${JSON.stringify(numbers)}::jsonb) AS n
    ON CONFLICT (msisdn) DO NOTHING
    RETURNING msisdn`);
  return rows.rows.map((r) => r.msisdn);
}

export async function deleteMsisdn(tx: Tx, msisdn: string): Promise<void> {
  await tx.delete(msisdnPool).where(eq(msisdnPool.msisdn, msisdn));
}
