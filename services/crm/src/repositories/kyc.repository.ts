// Queries over crm.customer_identity (one KYC identity per customer; no raw document numbers).
import type { Executor } from '@bss/db';
import { and, eq, sql } from 'drizzle-orm';
import { customerIdentity, type IdentityRow } from '../schema.ts';
import { inTenant } from './tenant.ts';

export async function findIdentity(tx: Executor, customerId: string): Promise<IdentityRow | undefined> {
  const [row] = await tx.select().from(customerIdentity).where(and(eq(customerIdentity.customerId, customerId), inTenant(customerIdentity.tenantId)));
  return row;
}

export async function findIdentityByDocument(tx: Executor, tenantId: string, documentHash: string): Promise<IdentityRow | undefined> {
  const [row] = await tx.select().from(customerIdentity).where(and(eq(customerIdentity.tenantId, tenantId), eq(customerIdentity.documentHash, documentHash)));
  return row;
}

/** Inserts or replaces the customer's identity (re-attestation replaces the previous document). */
export async function upsertIdentity(tx: Executor, row: typeof customerIdentity.$inferInsert): Promise<IdentityRow> {
  const { customerId: _id, ...rest } = row;
  const [saved] = await tx
    .insert(customerIdentity)
    .values(row)
    .onConflictDoUpdate({ target: customerIdentity.customerId, set: { ...rest, updatedAt: sql`now()` } })
    .returning();
  return saved!;
}
