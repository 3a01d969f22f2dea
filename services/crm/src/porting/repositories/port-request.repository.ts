// Queries on crm.port_request. Take an executor (tx for writes); no business rules here. Lookups see only the
// current tenant's requests.
import type { Executor, Tx } from '@bss/db';
import { NotFound } from '@bss/policy';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { OPEN_PORT_STATES } from '../domain/port-request.state.ts';
import { inTenant } from '../../repositories/tenant.ts';
import { portRequest, type PortRequestRow } from '../schema.ts';

export type NewPortRequestRow = typeof portRequest.$inferInsert;
export type PortRequestPatch = Partial<Pick<PortRequestRow, 'state' | 'rejectionReason' | 'approvedAt' | 'completedAt' | 'rejectedAt'>> & { updatedAt: Date };

export async function insertPortRequest(tx: Tx, row: NewPortRequestRow): Promise<PortRequestRow> {
  const [inserted] = await tx.insert(portRequest).values(row).returning();
  return inserted!;
}

export async function getPortRequest(ex: Executor, id: string): Promise<PortRequestRow> {
  const [row] = await ex.select().from(portRequest).where(and(eq(portRequest.id, id), inTenant(portRequest.tenantId)));
  if (!row) throw new NotFound('port_request', id);
  return row;
}

export async function getPortRequestForUpdate(tx: Tx, id: string): Promise<PortRequestRow> {
  const [row] = await tx.select().from(portRequest).where(and(eq(portRequest.id, id), inTenant(portRequest.tenantId))).for('update');
  if (!row) throw new NotFound('port_request', id);
  return row;
}

/** The open request already holding `donorMsisdn` in `tenantId`, if any. */
export async function findOpenPortRequestForMsisdn(ex: Executor, donorMsisdn: string, tenantId: string): Promise<PortRequestRow | undefined> {
  const [row] = await ex
    .select()
    .from(portRequest)
    .where(and(eq(portRequest.donorMsisdn, donorMsisdn), eq(portRequest.tenantId, tenantId), inArray(portRequest.state, [...OPEN_PORT_STATES])));
  return row;
}

/** Newest first. */
export async function listPortRequests(
  ex: Executor,
  filter: { state?: string; direction?: string; offset: number; limit: number },
): Promise<{ rows: PortRequestRow[]; total: number }> {
  const where = and(
    inTenant(portRequest.tenantId),
    filter.state ? eq(portRequest.state, filter.state) : undefined,
    filter.direction ? eq(portRequest.direction, filter.direction) : undefined,
  );
  const rows = await ex
    .select()
    .from(portRequest)
    .where(where)
    .orderBy(desc(portRequest.createdAt), desc(portRequest.id))
    .offset(filter.offset)
    .limit(filter.limit);
  const [total] = await ex.select({ n: count() }).from(portRequest).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function updatePortRequest(tx: Tx, id: string, patch: PortRequestPatch): Promise<PortRequestRow> {
  const [row] = await tx.update(portRequest).set(patch).where(eq(portRequest.id, id)).returning();
  if (!row) throw new NotFound('port_request', id);
  return row;
}
