// Queries on catalog.product_specification used by writes (reads come from the in-memory snapshot).
import type { Executor, Tx } from '@bss/db';
import { eq, inArray, sql } from 'drizzle-orm';
import { catalogNotFound } from '../domain/errors.ts';
import { productSpecification, type SpecificationRow } from '../schema.ts';

/**
 * The specification, key-share locked when `ex` is a transaction: a writer that points an offering at it keeps a
 * concurrent delete waiting until it commits (the delete then sees the offering and refuses).
 */
export async function findSpecification(ex: Tx, id: string): Promise<SpecificationRow | undefined> {
  const [row] = await ex.select().from(productSpecification).where(eq(productSpecification.id, id)).for('key share');
  return row;
}

/** The given specifications, in one query. */
export async function listSpecificationsByIds(ex: Executor, ids: readonly string[]): Promise<SpecificationRow[]> {
  if (ids.length === 0) return [];
  return ex.select().from(productSpecification).where(inArray(productSpecification.id, [...ids]));
}

/** The specification, row-locked for the rest of the transaction; throws the catalog's NotFound. */
export async function getSpecificationForUpdate(tx: Tx, id: string): Promise<SpecificationRow> {
  const [row] = await tx.select().from(productSpecification).where(eq(productSpecification.id, id)).for('update');
  if (!row) throw catalogNotFound('specification', id);
  return row;
}

export async function insertSpecification(tx: Tx, values: typeof productSpecification.$inferInsert): Promise<SpecificationRow> {
  const [row] = await tx.insert(productSpecification).values(values).returning();
  return row!;
}

/** Applies `patch` (lastUpdate from the caller's clock) and bumps updated_at. */
export async function updateSpecification(
  tx: Tx,
  id: string,
  patch: Partial<Pick<SpecificationRow, 'name' | 'description' | 'brand' | 'lifecycleStatus'>> & Pick<SpecificationRow, 'lastUpdate'>,
): Promise<SpecificationRow> {
  const [row] = await tx.update(productSpecification).set({ ...patch, updatedAt: sql`now()` }).where(eq(productSpecification.id, id)).returning();
  if (!row) throw catalogNotFound('specification', id);
  return row;
}

export async function deleteSpecification(tx: Tx, id: string): Promise<void> {
  await tx.delete(productSpecification).where(eq(productSpecification.id, id));
}
