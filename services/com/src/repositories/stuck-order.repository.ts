// The sweeper's one statement: flag every in-progress order submitted at or before `before` that is not flagged
// yet, and return what the order.stuck events need. Across tenants (an operator backstop); SKIP LOCKED so two
// COM replicas, or a consumer holding the order, never block the pass, and the flag makes each order flagged
// at most once.
import type { Tx } from '@bss/db';
import { sql } from 'drizzle-orm';
import { rawDate } from './raw-row.ts';

export interface FlaggedOrder {
  id: string;
  tenantId: string;
  customerId: string;
  submittedAt: Date;
}

export async function flagStuckOrders(tx: Tx, before: Date, now: Date, limit: number): Promise<FlaggedOrder[]> {
  const res = await tx.execute(sql`
    UPDATE order_mgmt.product_order SET stuck_flagged_at = ${now}, updated_at = ${now}
    WHERE id IN (
      SELECT id FROM order_mgmt.product_order
      WHERE state = 'in_progress' AND stuck_flagged_at IS NULL AND submitted_at <= ${before}
      ORDER BY submitted_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, tenant_id, customer_id, submitted_at`);
  return res.rows.map((r) => ({
    id: String(r.id),
    tenantId: String(r.tenant_id),
    customerId: String(r.customer_id),
    submittedAt: rawDate(r.submitted_at)!,
  }));
}
