// The ledger of approved charges (subscription.charge): written by activation, renewal and VAS in their
// transactions; read by the TMF678 receipts.
import type { Executor, Tx } from '@bss/db';
import { mintId } from '@bss/contracts';
import { and, count, desc, eq } from 'drizzle-orm';
import { charge, type ChargeRow } from '../schema.ts';
import { currentTenant, inTenant } from './tenant.ts';

export async function recordCharge(tx: Tx, values: Omit<typeof charge.$inferInsert, 'tenantId' | 'id'>): Promise<void> {
  await tx
    .insert(charge)
    .values({ ...values, id: mintId('BILL'), tenantId: currentTenant() })
    .onConflictDoNothing();
}

export function chargesOfCustomer(ex: Executor, customerId: string, page: { offset: number; limit: number }): Promise<ChargeRow[]> {
  return ex
    .select()
    .from(charge)
    .where(and(eq(charge.customerId, customerId), inTenant(charge.tenantId)))
    .orderBy(desc(charge.chargedAt), desc(charge.id))
    .offset(page.offset)
    .limit(page.limit);
}

export async function findCharge(ex: Executor, id: string): Promise<ChargeRow | undefined> {
  const [row] = await ex.select().from(charge).where(and(eq(charge.id, id), inTenant(charge.tenantId)));
  return row;
}

export async function countChargesOfCustomer(ex: Executor, customerId: string): Promise<number> {
  const [row] = await ex.select({ n: count() }).from(charge).where(and(eq(charge.customerId, customerId), inTenant(charge.tenantId)));
  return Number(row?.n ?? 0);
}
