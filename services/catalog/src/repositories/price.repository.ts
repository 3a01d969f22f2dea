// Queries on catalog.product_offering_price; list functions batch by offering ids (one query per list).
import type { Executor, Tx } from '@bss/db';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { catalogNotFound } from '../domain/errors.ts';
import { productOfferingPrice, type PriceRow } from '../schema.ts';

export async function findPrice(ex: Executor, id: string): Promise<PriceRow | undefined> {
  const [row] = await ex.select().from(productOfferingPrice).where(eq(productOfferingPrice.id, id));
  return row;
}

/** Every price of the given offerings, in one query. */
export async function listPricesOfOfferings(ex: Executor, offeringIds: readonly string[]): Promise<PriceRow[]> {
  if (offeringIds.length === 0) return [];
  return ex
    .select()
    .from(productOfferingPrice)
    .where(inArray(productOfferingPrice.offeringId, [...offeringIds]))
    .orderBy(asc(productOfferingPrice.id));
}

export async function insertPrice(tx: Tx, values: typeof productOfferingPrice.$inferInsert): Promise<PriceRow> {
  const [row] = await tx.insert(productOfferingPrice).values(values).returning();
  return row!;
}

/**
 * Closes every open-ended price of the offering at `stamp`. A price that only starts after `stamp` is closed at
 * its own start (an empty window) rather than given an end before its start. Returns the closed price ids.
 */
export async function closeOpenEndedPrices(tx: Tx, offeringId: string, stamp: Date, lastUpdate: Date): Promise<string[]> {
  const t = stamp.toISOString();
  const rows = await tx
    .update(productOfferingPrice)
    .set({
      validTo: sql`GREATEST(COALESCE(${productOfferingPrice.validFrom}, ${t}::timestamptz), ${t}::timestamptz)`,
      lastUpdate,
      updatedAt: sql`now()`,
    })
    .where(and(eq(productOfferingPrice.offeringId, offeringId), isNull(productOfferingPrice.validTo)))
    .returning({ id: productOfferingPrice.id });
  return rows.map((r) => r.id).sort();
}

/** The price, row-locked for the rest of the transaction; throws the catalog's NotFound. */
export async function getPriceForUpdate(tx: Tx, id: string): Promise<PriceRow> {
  const [row] = await tx.select().from(productOfferingPrice).where(eq(productOfferingPrice.id, id)).for('update');
  if (!row) throw catalogNotFound('price', id);
  return row;
}

/** The given prices, row-locked (missing ids are simply absent from the answer). */
export async function lockPrices(tx: Tx, ids: readonly string[]): Promise<PriceRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(productOfferingPrice).where(inArray(productOfferingPrice.id, [...ids])).orderBy(asc(productOfferingPrice.id)).for('update');
}

/** Applies `patch` (lastUpdate from the caller's clock) and bumps updated_at. */
export async function updatePrice(
  tx: Tx,
  id: string,
  patch: Partial<Pick<PriceRow, 'name' | 'description' | 'lifecycleStatus' | 'validFrom' | 'validTo'>> & Pick<PriceRow, 'lastUpdate'>,
): Promise<PriceRow> {
  const [row] = await tx.update(productOfferingPrice).set({ ...patch, updatedAt: sql`now()` }).where(eq(productOfferingPrice.id, id)).returning();
  if (!row) throw catalogNotFound('price', id);
  return row;
}

/** Points the given prices at `offeringId` (null detaches them). */
export async function attachPrices(tx: Tx, ids: readonly string[], offeringId: string | null, lastUpdate: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(productOfferingPrice)
    .set({ offeringId, lastUpdate, updatedAt: sql`now()` })
    .where(inArray(productOfferingPrice.id, [...ids]));
}

export async function deletePrice(tx: Tx, id: string): Promise<void> {
  await tx.delete(productOfferingPrice).where(eq(productOfferingPrice.id, id));
}
