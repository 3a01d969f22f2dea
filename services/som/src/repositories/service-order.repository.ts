// Writes and locks over service_inventory.service_order. No business rules here; every lookup is the current
// tenant's (tenant.ts). Reads for the APIs live in service-order.query.ts.
import type { Tx } from '@bss/db';
import { and, eq } from 'drizzle-orm';
import { serviceOrder, type ServiceOrderRow } from '../schema.ts';
import { currentTenant, inTenant } from './tenant.ts';

export type NewServiceOrder = Omit<typeof serviceOrder.$inferInsert, 'tenantId' | 'createdAt' | 'updatedAt'>;
export type ServiceOrderPatch = Partial<Omit<ServiceOrderRow, 'id' | 'tenantId' | 'orderId' | 'createdAt'>> & { updatedAt: Date };

/** Inserts the service order of a commercial order; undefined when that order already has one (never overwritten). */
export async function insertServiceOrderIfAbsent(tx: Tx, row: NewServiceOrder): Promise<ServiceOrderRow | undefined> {
  const now = row.orderDate;
  const [inserted] = await tx
    .insert(serviceOrder)
    .values({ ...row, tenantId: currentTenant(), createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: serviceOrder.orderId })
    .returning();
  return inserted;
}

/** The service order of a commercial order, locked for the rest of the transaction. */
export async function lockServiceOrderByOrderId(tx: Tx, orderId: string): Promise<ServiceOrderRow | undefined> {
  const [row] = await tx.select().from(serviceOrder).where(and(eq(serviceOrder.orderId, orderId), inTenant(serviceOrder.tenantId))).for('update');
  return row;
}

/** One service order by id, locked for the rest of the transaction. */
export async function lockServiceOrder(tx: Tx, id: string): Promise<ServiceOrderRow | undefined> {
  const [row] = await tx.select().from(serviceOrder).where(and(eq(serviceOrder.id, id), inTenant(serviceOrder.tenantId))).for('update');
  return row;
}

export async function updateServiceOrder(tx: Tx, id: string, patch: ServiceOrderPatch): Promise<ServiceOrderRow> {
  const [row] = await tx.update(serviceOrder).set(patch).where(eq(serviceOrder.id, id)).returning();
  return row!;
}
