// Queries on catalog.product_offering. The activeAt list sorts by the cheapest active recurring price in SQL,
// before OFFSET/LIMIT, so a page is a slice of the price-ordered list (the reference paged first, then sorted).
import type { Executor, Tx } from '@bss/db';
import { and, asc, count, eq, gt, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { CatalogNotFound } from '../domain/errors.ts';
import { productOffering, productOfferingPrice, type OfferingRow } from '../schema.ts';

/** List filter: `activeAt` (sellable at that instant) wins over `lifecycleStatus`. */
export interface OfferingFilter {
  lifecycleStatus?: string | undefined;
  activeAt?: Date | undefined;
}

export interface Page {
  offset: number;
  limit: number;
}

export async function findOffering(ex: Executor, id: string): Promise<OfferingRow | undefined> {
  const [row] = await ex.select().from(productOffering).where(eq(productOffering.id, id));
  return row;
}

/** The offering, row-locked for the rest of the transaction; throws CatalogNotFound. */
export async function getOfferingForUpdate(tx: Tx, id: string): Promise<OfferingRow> {
  const [row] = await tx.select().from(productOffering).where(eq(productOffering.id, id)).for('update');
  if (!row) throw new CatalogNotFound('offering', id);
  return row;
}

/** The sellable-at predicate in SQL; mirrors domain/price-selection.ts isSellableAt. */
function sellableAt(at: Date): SQL {
  return and(
    eq(productOffering.isSellable, true),
    eq(productOffering.lifecycleStatus, 'active'),
    or(isNull(productOffering.validFrom), lte(productOffering.validFrom, at)),
    or(isNull(productOffering.validTo), gt(productOffering.validTo, at)),
  )!;
}

/** Lowest amount among the offering's recurring prices active at `at` (NULL when none); mirrors selectActivePrice. */
function activeAmount(at: Date): SQL {
  const t = at.toISOString();
  return sql`(SELECT min(p.amount) FROM ${productOfferingPrice} p
    WHERE p.offering_id = ${productOffering.id} AND p.price_type = 'recurring'
      AND (p.valid_from IS NULL OR p.valid_from <= ${t}::timestamptz)
      AND (p.valid_to IS NULL OR p.valid_to > ${t}::timestamptz))`;
}

/** One page of offerings plus the total matching; two queries whatever the page size. */
export async function listOfferings(ex: Executor, filter: OfferingFilter, page: Page): Promise<{ rows: OfferingRow[]; total: number }> {
  const where = filter.activeAt
    ? sellableAt(filter.activeAt)
    : filter.lifecycleStatus
      ? eq(productOffering.lifecycleStatus, filter.lifecycleStatus)
      : undefined;
  const order = filter.activeAt ? [sql`${activeAmount(filter.activeAt)} ASC NULLS LAST`, asc(productOffering.id)] : [asc(productOffering.id)];
  const rows = await ex
    .select()
    .from(productOffering)
    .where(where)
    .orderBy(...order)
    .offset(page.offset)
    .limit(page.limit);
  const [counted] = await ex.select({ n: count() }).from(productOffering).where(where);
  return { rows, total: counted?.n ?? 0 };
}

export async function insertOffering(tx: Tx, values: typeof productOffering.$inferInsert): Promise<OfferingRow> {
  const [row] = await tx.insert(productOffering).values(values).returning();
  return row!;
}

/** Applies `patch` and bumps updated_at (DB time: a technical column, not business time). */
export async function updateOffering(
  tx: Tx,
  id: string,
  patch: Partial<Pick<OfferingRow, 'validFrom' | 'validTo' | 'lifecycleStatus' | 'isSellable'>>,
): Promise<OfferingRow> {
  const [row] = await tx
    .update(productOffering)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(productOffering.id, id))
    .returning();
  if (!row) throw new CatalogNotFound('offering', id);
  return row;
}
