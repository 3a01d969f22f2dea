// Queries on catalog.bundle_allowance; reads batch by offering ids (one query per list).
import type { Executor, Tx } from '@bss/db';
import { asc, eq, inArray } from 'drizzle-orm';
import type { NewAllowance } from '../domain/allowance.ts';
import { bundleAllowance, productToServiceMapping, type AllowanceRow } from '../schema.ts';

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

/** Removes the offering's allowances and service mappings: the rows that die with a deleted offering. */
export async function deleteOfferingParts(tx: Tx, offeringId: string): Promise<void> {
  await tx.delete(bundleAllowance).where(eq(bundleAllowance.offeringId, offeringId));
  await tx.delete(productToServiceMapping).where(eq(productToServiceMapping.offeringId, offeringId));
}
