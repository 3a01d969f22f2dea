// The recorded outcome of each order's activation (subscription.activation), and the lock that serialises the
// activations of one order. The lock + lookup make a concurrent or redelivered service_order.completed wait
// for the first and then find its outcome; the primary key (and the subscription's unique order index) is the
// backstop should anything bypass the lock.
import type { Executor, Tx } from '@bss/db';
import { and, eq, sql } from 'drizzle-orm';
import { activation, type ActivationRow } from '../schema.ts';
import { currentTenant, inTenant } from './tenant.ts';

/** Holds the order's activation lock until the transaction ends. */
export async function lockOrderActivation(tx: Tx, orderId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('subscription.activation'), hashtext(${`${currentTenant()}:${orderId}`}))`);
}

export async function findActivation(ex: Executor, orderId: string): Promise<ActivationRow | undefined> {
  const [row] = await ex.select().from(activation).where(and(eq(activation.orderId, orderId), inTenant(activation.tenantId)));
  return row;
}

export async function insertActivation(tx: Tx, values: Omit<typeof activation.$inferInsert, 'tenantId'>): Promise<ActivationRow> {
  const [row] = await tx.insert(activation).values({ ...values, tenantId: currentTenant() }).returning();
  return row!;
}
