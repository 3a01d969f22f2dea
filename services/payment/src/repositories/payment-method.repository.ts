// Queries over payment.payment_method. No business rules here; writes take the caller's transaction. Rows are
// the current tenant's only (tenant.ts).
import type { Executor, Tx } from '@bss/db';
import { NotFound } from '@bss/policy';
import { and, count, desc, eq, ne, sql } from 'drizzle-orm';
import { paymentMethod, type PaymentMethodRow } from '../schema.ts';
import { currentTenant, inTenant } from './tenant.ts';

// Newest first; ids tie-break by numeric order (length first, so PM-10000 sorts after PM-9999).
const newestFirst = [desc(paymentMethod.createdAt), desc(sql`length(${paymentMethod.id})`), desc(paymentMethod.id)];

export async function findPaymentMethod(ex: Executor, id: string): Promise<PaymentMethodRow | undefined> {
  const [row] = await ex.select().from(paymentMethod).where(and(eq(paymentMethod.id, id), inTenant(paymentMethod.tenantId)));
  return row;
}

/** The method, or NotFound (404; `reason` is the use-case's documented id, default paymentMethod.not_found). */
export async function getPaymentMethod(ex: Executor, id: string, reason?: string): Promise<PaymentMethodRow> {
  const row = await findPaymentMethod(ex, id);
  if (!row) throw new NotFound('paymentMethod', id, {}, reason ? { reason } : {});
  return row;
}

/**
 * Serializes every card-on-file write of one customer (add, remove, set default) for the rest of the
 * transaction, so the 5-method cap and the single default hold under concurrency; released at commit.
 */
export async function lockCustomerMethods(tx: Tx, customerId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('payment.payment_method'), hashtext(${customerId}))`);
}

export async function countActivePaymentMethods(ex: Executor, customerId: string): Promise<number> {
  const [row] = await ex
    .select({ n: count() })
    .from(paymentMethod)
    .where(and(eq(paymentMethod.customerId, customerId), eq(paymentMethod.status, 'active'), inTenant(paymentMethod.tenantId)));
  return row?.n ?? 0;
}

/** The newest active method of the customer other than `exceptId` (the promotion candidate). */
export async function findNewestOtherActive(tx: Tx, customerId: string, exceptId: string): Promise<PaymentMethodRow | undefined> {
  const [row] = await tx
    .select()
    .from(paymentMethod)
    .where(and(eq(paymentMethod.customerId, customerId), eq(paymentMethod.status, 'active'), ne(paymentMethod.id, exceptId), inTenant(paymentMethod.tenantId)))
    .orderBy(...newestFirst)
    .limit(1);
  return row;
}

export async function findDefaultPaymentMethod(ex: Executor, customerId: string): Promise<PaymentMethodRow | undefined> {
  const [row] = await ex
    .select()
    .from(paymentMethod)
    .where(and(eq(paymentMethod.customerId, customerId), eq(paymentMethod.isDefault, true), inTenant(paymentMethod.tenantId)));
  return row;
}

export type NewPaymentMethod = Omit<typeof paymentMethod.$inferInsert, 'id'>;

export async function insertPaymentMethod(tx: Tx, values: NewPaymentMethod): Promise<PaymentMethodRow> {
  const [row] = await tx.insert(paymentMethod).values({ ...values, tenantId: currentTenant() }).returning();
  return row!;
}

export async function updatePaymentMethod(
  tx: Tx,
  id: string,
  changes: Partial<Pick<PaymentMethodRow, 'isDefault' | 'status' | 'removedAt' | 'name' | 'description' | 'validFrom' | 'validTo'>> & { updatedAt: Date },
): Promise<PaymentMethodRow> {
  const [row] = await tx.update(paymentMethod).set(changes).where(eq(paymentMethod.id, id)).returning();
  return row!;
}

/** What the list endpoint filters on; an absent key does not filter. */
export interface PaymentMethodFilter {
  customerId?: string | undefined;
  status?: PaymentMethodRow['status'] | undefined;
  isDefault?: boolean | undefined;
}

const methodWhere = (f: PaymentMethodFilter) =>
  and(
    inTenant(paymentMethod.tenantId),
    f.customerId === undefined ? undefined : eq(paymentMethod.customerId, f.customerId),
    f.status === undefined ? undefined : eq(paymentMethod.status, f.status),
    f.isDefault === undefined ? undefined : eq(paymentMethod.isDefault, f.isDefault),
  );

/** A page of the filtered methods, newest first, and the size of the whole filtered set. */
export async function pagePaymentMethods(ex: Executor, filter: PaymentMethodFilter, page: { offset: number; limit: number }) {
  const [rows, [total]] = await Promise.all([
    ex.select().from(paymentMethod).where(methodWhere(filter)).orderBy(...newestFirst).offset(page.offset).limit(page.limit),
    ex.select({ n: count() }).from(paymentMethod).where(methodWhere(filter)),
  ]);
  return { rows, total: total?.n ?? 0 };
}
