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

/**
 * Applies `patch` (lastUpdate included: business time, from the caller's clock) and bumps updated_at (DB time:
 * a technical column). was_sellable latches on whenever the row ends up sellable.
 */
export async function updateOffering(
  tx: Tx,
  id: string,
  patch: Partial<Pick<OfferingRow, 'name' | 'description' | 'specId' | 'validFrom' | 'validTo' | 'lifecycleStatus' | 'isSellable'>> &
    Pick<OfferingRow, 'lastUpdate'>,
): Promise<OfferingRow> {
  const [row] = await tx
    .update(productOffering)
    .set({ ...patch, wasSellable: sql`${productOffering.wasSellable} OR COALESCE(${patch.isSellable ?? null}::boolean, ${productOffering.isSellable}, false)`, updatedAt: sql`now()` })
    .where(eq(productOffering.id, id))
    .returning();
  if (!row) throw catalogNotFound('offering', id);
  return row;
}

/** Deletes the offering row (its allowances and service mappings must be gone first). */
export async function deleteOffering(tx: Tx, id: string): Promise<void> {
  await tx.delete(productOffering).where(eq(productOffering.id, id));
}

/** Whether any offering points at the specification. */
export async function offeringsUsingSpecification(ex: Executor, specId: string): Promise<string[]> {
  const rows = await ex.select({ id: productOffering.id }).from(productOffering).where(eq(productOffering.specId, specId));
  return rows.map((r) => r.id).sort();
}
