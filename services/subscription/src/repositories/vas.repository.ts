// Queries over subscription.vas_purchase. Writes take the caller's transaction (which holds the line's lock).
import type { Executor, Tx } from '@bss/db';
import { and, asc, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import { vasPurchase, type VasPurchaseRow } from '../schema.ts';
import { currentTenant, inTenant } from './tenant.ts';

export async function findVasPurchaseByKey(ex: Executor, subscriptionId: string, idempotencyKey: string): Promise<VasPurchaseRow | undefined> {
  const [row] = await ex
    .select()
    .from(vasPurchase)
    .where(and(eq(vasPurchase.subscriptionId, subscriptionId), eq(vasPurchase.idempotencyKey, idempotencyKey), inTenant(vasPurchase.tenantId)));
  return row;
}

export async function insertVasPurchase(tx: Tx, values: Omit<typeof vasPurchase.$inferInsert, 'tenantId'>): Promise<VasPurchaseRow> {
  const [row] = await tx.insert(vasPurchase).values({ ...values, tenantId: currentTenant() }).returning();
  return row!;
}

/** The line's top-ups whose expiry is due and not applied yet (the line is locked by the caller). */
export function dueVasOf(tx: Tx, subscriptionId: string, now: Date): Promise<VasPurchaseRow[]> {
  return tx
    .select()
    .from(vasPurchase)
    .where(and(eq(vasPurchase.subscriptionId, subscriptionId), isNull(vasPurchase.expiredAt), isNotNull(vasPurchase.expiresAt), lte(vasPurchase.expiresAt, now)))
    .orderBy(asc(vasPurchase.expiresAt), asc(vasPurchase.id));
}

export async function markVasExpired(tx: Tx, id: string, now: Date, takenBack: number): Promise<void> {
  await tx.update(vasPurchase).set({ expiredAt: now, expiredQuantity: takenBack }).where(eq(vasPurchase.id, id));
}

/** Lines (any tenant) with a top-up expiry due; the sweep locks each line and applies them. */
export async function linesWithDueVas(ex: Executor, now: Date, limit: number): Promise<{ subscriptionId: string; tenantId: string }[]> {
  return ex
    .selectDistinct({ subscriptionId: vasPurchase.subscriptionId, tenantId: vasPurchase.tenantId })
    .from(vasPurchase)
    .where(and(isNull(vasPurchase.expiredAt), isNotNull(vasPurchase.expiresAt), lte(vasPurchase.expiresAt, now)))
    .limit(limit);
}


/** A renewal ends every top-up still running (the new period starts with the plan's bundle only). */
export async function endOpenVas(tx: Tx, subscriptionId: string, now: Date): Promise<void> {
  await tx
    .update(vasPurchase)
    .set({ expiredAt: now, expiredQuantity: 0 })
    .where(and(eq(vasPurchase.subscriptionId, subscriptionId), isNull(vasPurchase.expiredAt)));
}

/** Which of `subscriptionIds` have a top-up due to expire at `now` (one statement for a batch of lines). */
export async function dueVasAmong(tx: Tx, subscriptionIds: string[], now: Date): Promise<Set<string>> {
  if (subscriptionIds.length === 0) return new Set();
  const rows = await tx
    .selectDistinct({ id: vasPurchase.subscriptionId })
    .from(vasPurchase)
    .where(and(inArray(vasPurchase.subscriptionId, subscriptionIds), isNull(vasPurchase.expiredAt), isNotNull(vasPurchase.expiresAt), lte(vasPurchase.expiresAt, now)));
  return new Set(rows.map((r) => r.id));
}
