// Queries over order_mgmt.cancel_request (TMF622 CancelProductOrder). Reads are one round trip; rows are the
// current tenant's only.
import type { Executor, Tx } from '@bss/db';
import { NotFound } from '@bss/policy';
import { and, eq, sql } from 'drizzle-orm';
import { cancelRequest, type CancelRequestRow } from '../schema.ts';
import { rawDate } from './raw-row.ts';
import { currentTenant, inTenant } from './tenant.ts';

export async function insertCancelRequest(tx: Tx, values: Omit<typeof cancelRequest.$inferInsert, 'tenantId'>): Promise<CancelRequestRow> {
  const [row] = await tx.insert(cancelRequest).values({ ...values, tenantId: currentTenant() }).returning();
  return row!;
}

export async function getCancelRequest(ex: Executor, id: string): Promise<CancelRequestRow> {
  const [row] = await ex.select().from(cancelRequest).where(and(eq(cancelRequest.id, id), inTenant(cancelRequest.tenantId)));
  if (!row) throw new NotFound('cancelProductOrder', id);
  return row;
}

/** A page of the tenant's cancellations, newest first, with the total from the same statement. */
export async function listCancelRequests(
  ex: Executor,
  filter: { orderId?: string | undefined },
  page: { offset: number; limit: number },
): Promise<{ rows: CancelRequestRow[]; total: number }> {
  const where = filter.orderId === undefined ? sql`c.tenant_id = ${currentTenant()}` : sql`c.tenant_id = ${currentTenant()} AND c.order_id = ${filter.orderId}`;
  const res = await ex.execute(sql`
    WITH counted AS (SELECT count(*)::int AS total FROM order_mgmt.cancel_request c WHERE ${where})
    SELECT counted.total, p.* FROM counted
    LEFT JOIN LATERAL (
      SELECT c.id, c.tenant_id, c.order_id, c.state, c.cancellation_reason, c.requested_cancellation_date,
        c.effective_cancellation_date, c.created_at
      FROM order_mgmt.cancel_request c WHERE ${where}
      ORDER BY c.created_at DESC, c.id DESC LIMIT ${page.limit} OFFSET ${page.offset}
    ) p ON true`);
  const rows = res.rows
    .filter((r) => r.id !== null)
    .map(
      (r) =>
        ({
          id: r.id,
          tenantId: r.tenant_id,
          orderId: r.order_id,
          state: r.state,
          cancellationReason: r.cancellation_reason,
          requestedCancellationDate: rawDate(r.requested_cancellation_date),
          effectiveCancellationDate: rawDate(r.effective_cancellation_date),
          createdAt: rawDate(r.created_at),
        }) as CancelRequestRow,
    );
  return { rows, total: Number(res.rows[0]?.total ?? 0) };
}
