// Queries on catalog.product_specification.
import type { Executor } from '@bss/db';
import { asc, count, eq, inArray } from 'drizzle-orm';
import { productSpecification, type SpecificationRow } from '../schema.ts';
import type { Page } from './offering.repository.ts';

export async function findSpecification(ex: Executor, id: string): Promise<SpecificationRow | undefined> {
  const [row] = await ex.select().from(productSpecification).where(eq(productSpecification.id, id));
  return row;
}

/** The given specifications, in one query. */
export async function listSpecificationsByIds(ex: Executor, ids: readonly string[]): Promise<SpecificationRow[]> {
  if (ids.length === 0) return [];
  return ex.select().from(productSpecification).where(inArray(productSpecification.id, [...ids]));
}

/** One page ordered by id, plus the total. */
export async function listSpecifications(ex: Executor, page: Page): Promise<{ rows: SpecificationRow[]; total: number }> {
  const rows = await ex.select().from(productSpecification).orderBy(asc(productSpecification.id)).offset(page.offset).limit(page.limit);
  const [counted] = await ex.select({ n: count() }).from(productSpecification);
  return { rows, total: counted?.n ?? 0 };
}
