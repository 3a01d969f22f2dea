// Queries on catalog.bundle_allowance; reads batch by offering ids (one query per list).
import type { Executor, Tx } from '@bss/db';
import { asc, inArray } from 'drizzle-orm';
import type { NewAllowance } from '../domain/allowance.ts';
import { bundleAllowance, type AllowanceRow } from '../schema.ts';

/** Every allowance of the given offerings, in one query. */
export async function listAllowancesOfOfferings(ex: Executor, offeringIds: readonly string[]): Promise<AllowanceRow[]> {
  if (offeringIds.length === 0) return [];
  return ex
    .select()
    .from(bundleAllowance)
    .where(inArray(bundleAllowance.offeringId, [...offeringIds]))
    .orderBy(asc(bundleAllowance.id));
}

export async function insertAllowances(tx: Tx, rows: readonly NewAllowance[]): Promise<AllowanceRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(bundleAllowance).values([...rows]).returning();
}
