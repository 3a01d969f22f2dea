// Queries over payment.payment_attempt. The unique index on (customer_id, idempotency_key) is what makes a
// duplicate charge impossible; insertPendingAttempt reports the clash instead of raising.
import type { Executor, Tx } from '@bss/db';
import { NotFound } from '@bss/policy';
import { and, asc, count, desc, eq, lt, sql } from 'drizzle-orm';
import { paymentAttempt, type PaymentAttemptRow } from '../schema.ts';
import { currentTenant, inTenant } from './tenant.ts';

export async function findPaymentAttempt(ex: Executor, id: string): Promise<PaymentAttemptRow | undefined> {
  const [row] = await ex.select().from(paymentAttempt).where(and(eq(paymentAttempt.id, id), inTenant(paymentAttempt.tenantId)));
  return row;
}

/** The attempt, or NotFound (404 payment.not_found). */
export async function getPaymentAttempt(ex: Executor, id: string): Promise<PaymentAttemptRow> {
  const row = await findPaymentAttempt(ex, id);
  if (!row) throw new NotFound('payment', id);
  return row;
}

/** The customer's attempt under `key`; keys are scoped per customer, so another customer's is never found. */
export async function findAttemptByIdempotencyKey(ex: Executor, customerId: string, key: string): Promise<PaymentAttemptRow | undefined> {
  const [row] = await ex
    .select()
    .from(paymentAttempt)
    .where(and(eq(paymentAttempt.customerId, customerId), eq(paymentAttempt.idempotencyKey, key)));
  return row;
}

export type NewPaymentAttempt = Omit<typeof paymentAttempt.$inferInsert, 'id' | 'status'>;

/**
 * Inserts the attempt as `pending`; returns undefined when another attempt already holds the key
 * (ON CONFLICT waits for a concurrent inserter to commit, so exactly one caller gets the row).
 */
export async function insertPendingAttempt(tx: Tx, values: NewPaymentAttempt): Promise<PaymentAttemptRow | undefined> {
  const [row] = await tx
    .insert(paymentAttempt)
    .values({ ...values, status: 'pending', tenantId: currentTenant() })
    .onConflictDoNothing({ target: [paymentAttempt.customerId, paymentAttempt.idempotencyKey] })
    .returning();
  return row;
}

/** Records the gateway verdict on a pending attempt; undefined if it was not pending any more. */
export async function completeAttempt(
  tx: Tx,
  id: string,
  outcome: Pick<PaymentAttemptRow, 'status' | 'gatewayRef' | 'declineCode' | 'declineReason' | 'completedAt'> & { updatedAt: Date },
): Promise<PaymentAttemptRow | undefined> {
  const [row] = await tx
    .update(paymentAttempt)
    .set(outcome)
    .where(and(eq(paymentAttempt.id, id), eq(paymentAttempt.status, 'pending')))
    .returning();
  return row;
}

/** Up to `limit` attempts still pending that were attempted before `before`, oldest first. */
export async function listPendingAttemptsBefore(ex: Executor, before: Date, limit: number): Promise<PaymentAttemptRow[]> {
  return ex
    .select()
    .from(paymentAttempt)
    .where(and(eq(paymentAttempt.status, 'pending'), lt(paymentAttempt.attemptedAt, before)))
    .orderBy(asc(paymentAttempt.attemptedAt), asc(paymentAttempt.id))
    .limit(limit);
}

/** What the list endpoint filters on; an absent key does not filter. */
export interface PaymentFilter {
  customerId?: string | undefined;
  status?: PaymentAttemptRow['status'] | undefined;
  idempotencyKey?: string | undefined;
  paymentMethodId?: string | undefined;
}

const attemptWhere = (f: PaymentFilter) =>
  and(
    inTenant(paymentAttempt.tenantId),
    f.customerId === undefined ? undefined : eq(paymentAttempt.customerId, f.customerId),
    f.status === undefined ? undefined : eq(paymentAttempt.status, f.status),
    f.idempotencyKey === undefined ? undefined : eq(paymentAttempt.idempotencyKey, f.idempotencyKey),
    f.paymentMethodId === undefined ? undefined : eq(paymentAttempt.paymentMethodId, f.paymentMethodId),
  );

/** A page of the filtered attempts (any customer when none is named), newest first, and the filtered total. */
export async function pagePaymentAttempts(ex: Executor, filter: PaymentFilter, page: { offset: number; limit: number }) {
  const [rows, [total]] = await Promise.all([
    ex
      .select()
      .from(paymentAttempt)
      .where(attemptWhere(filter))
      .orderBy(desc(paymentAttempt.attemptedAt), desc(sql`length(${paymentAttempt.id})`), desc(paymentAttempt.id))
      .offset(page.offset)
      .limit(page.limit),
    ex.select({ n: count() }).from(paymentAttempt).where(attemptWhere(filter)),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function countPaymentAttempts(ex: Executor, customerId: string): Promise<number> {
  const [row] = await ex.select({ n: count() }).from(paymentAttempt).where(and(eq(paymentAttempt.customerId, customerId), inTenant(paymentAttempt.tenantId)));
  return row?.n ?? 0;
}
