// Queries on catalog.product_offering used by writes; reads (list, activeAt ordering) are pure functions over
// the in-memory snapshot in domain/catalog-view.ts.
import type { Executor, Tx } from '@bss/db';
import { eq, sql } from 'drizzle-orm';
import { catalogNotFound } from '../domain/errors.ts';
import { productOffering, type OfferingRow } from '../schema.ts';

export async function findOffering(ex: Executor, id: string): Promise<OfferingRow | undefined> {
  const [row] = await ex.select().from(productOffering).where(eq(productOffering.id, id));
  return row;
}

/** The offering, row-locked for the rest of the transaction; throws the catalog's NotFound. */
export async function getOfferingForUpdate(tx: Tx, id: string): Promise<OfferingRow> {
  const [row] = await tx.select().from(productOffering).where(eq(productOffering.id, id)).for('update');
  if (!row) throw catalogNotFound('offering', id);
  return row;
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
  if (!row) throw catalogNotFound('offering', id);
  return row;
}
