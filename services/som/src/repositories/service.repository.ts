// Writes over service_inventory.service (the CFS and its RFS children of one service order).
import type { Tx } from '@bss/db';
import { asc, eq } from 'drizzle-orm';
import { service, type ServiceRow } from '../schema.ts';
import { currentTenant } from './tenant.ts';

export type NewService = Omit<typeof service.$inferInsert, 'tenantId'>;
export type ServicePatch = Partial<Omit<ServiceRow, 'id' | 'tenantId' | 'serviceOrderId' | 'createdAt'>> & { updatedAt: Date };

export async function insertServices(tx: Tx, rows: NewService[]): Promise<ServiceRow[]> {
  return tx
    .insert(service)
    .values(rows.map((r) => ({ ...r, tenantId: currentTenant() })))
    .returning();
}

/** The services of a service order (CFS first), locked; the order row is locked first by every writer. */
export async function lockServicesOfOrder(tx: Tx, serviceOrderId: string): Promise<ServiceRow[]> {
  return tx.select().from(service).where(eq(service.serviceOrderId, serviceOrderId)).orderBy(asc(service.kind), asc(service.specId)).for('update');
}

export async function updateService(tx: Tx, id: string, patch: ServicePatch): Promise<ServiceRow> {
  const [row] = await tx.update(service).set(patch).where(eq(service.id, id)).returning();
  return row!;
}
