// Queries on catalog.product_specification used by writes (reads come from the in-memory snapshot).
import type { Executor } from '@bss/db';
import { eq, inArray } from 'drizzle-orm';
import { productSpecification, type SpecificationRow } from '../schema.ts';

export async function findSpecification(ex: Executor, id: string): Promise<SpecificationRow | undefined> {
  const [row] = await ex.select().from(productSpecification).where(eq(productSpecification.id, id));
  return row;
}

/** The given specifications, in one query. */
export async function listSpecificationsByIds(ex: Executor, ids: readonly string[]): Promise<SpecificationRow[]> {
  if (ids.length === 0) return [];
  return ex.select().from(productSpecification).where(inArray(productSpecification.id, [...ids]));
}
