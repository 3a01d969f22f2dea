// Queries on catalog.product_offering_price; list functions batch by offering ids (one query per list).
import type { Executor, Tx } from '@bss/db';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
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
export async function closeOpenEndedPrices(tx: Tx, offeringId: string, stamp: Date): Promise<string[]> {
  const t = stamp.toISOString();
  const rows = await tx
    .update(productOfferingPrice)
    .set({
      validTo: sql`GREATEST(COALESCE(${productOfferingPrice.validFrom}, ${t}::timestamptz), ${t}::timestamptz)`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(productOfferingPrice.offeringId, offeringId), isNull(productOfferingPrice.validTo)))
    .returning({ id: productOfferingPrice.id });
  return rows.map((r) => r.id).sort();
}
