// Queries on catalog.vas_offering.
import type { Executor } from '@bss/db';
import { asc, count, eq } from 'drizzle-orm';
import { vasOffering, type VasRow } from '../schema.ts';
import type { Page } from './offering.repository.ts';

export async function findVas(ex: Executor, id: string): Promise<VasRow | undefined> {
  const [row] = await ex.select().from(vasOffering).where(eq(vasOffering.id, id));
  return row;
}

/** One page ordered by id, plus the total. */
export async function listVas(ex: Executor, page: Page): Promise<{ rows: VasRow[]; total: number }> {
  const rows = await ex.select().from(vasOffering).orderBy(asc(vasOffering.id)).offset(page.offset).limit(page.limit);
  const [counted] = await ex.select({ n: count() }).from(vasOffering);
  return { rows, total: counted?.n ?? 0 };
}
