// Reads for the service-inventory API: one round trip per call — the page, its total, each service's children
// (for a CFS) and its order's tasks (for the CFS's task characteristic) come back together.
import type { Executor } from '@bss/db';
import { sql, type SQL } from 'drizzle-orm';
import type { ProvisioningTaskRow, ServiceRow } from '../schema.ts';
import { fromJsonRow } from './json-row.ts';
import { currentTenant } from './tenant.ts';

/** A service with the ids of its RFS children and, for a CFS, its order's tasks. */
export interface ServiceView {
  service: ServiceRow;
  childIds: string[];
  tasks: ProvisioningTaskRow[];
  /** The service order's item id (the one item of the order). */
  itemId: string | null;
}

export interface ServiceFilter {
  /** Internal states to keep; an empty list matches nothing. */
  states?: string[] | undefined;
  customerId?: string | undefined;
  subscriptionId?: string | undefined;
  /** A commercial order id or a subscription id. */
  relatedEntityId?: string | undefined;
  kind?: 'CFS' | 'RFS' | undefined;
}

const viewOf = (alias: string) => sql.raw(`json_build_object(
  'service', to_jsonb(${alias}),
  'childIds', COALESCE((SELECT json_agg(c.id ORDER BY c.spec_id) FROM service_inventory.service c WHERE c.parent_service_id = ${alias}.id), '[]'::json),
  'tasks', CASE WHEN ${alias}.kind = 'CFS' THEN COALESCE((SELECT json_agg(to_jsonb(t) ORDER BY t.task_type) FROM service_inventory.provisioning_task t WHERE t.service_id = ${alias}.id), '[]'::json) ELSE '[]'::json END,
  'itemId', (SELECT so.item_id FROM service_inventory.service_order so WHERE so.id = ${alias}.service_order_id))`);

type RawView = { service: Record<string, unknown>; childIds: string[]; tasks: Record<string, unknown>[]; itemId: string | null };
const toView = (v: RawView): ServiceView => ({
  service: fromJsonRow<ServiceRow>(v.service),
  childIds: v.childIds,
  tasks: v.tasks.map((t) => fromJsonRow<ProvisioningTaskRow>(t)),
  itemId: v.itemId,
});

function where(filter: ServiceFilter): SQL {
  const parts: SQL[] = [sql`s.tenant_id = ${currentTenant()}`];
  if (filter.customerId !== undefined) parts.push(sql`s.customer_id = ${filter.customerId}`);
  if (filter.subscriptionId !== undefined) parts.push(sql`s.subscription_id = ${filter.subscriptionId}`);
  if (filter.relatedEntityId !== undefined) parts.push(sql`(s.order_id = ${filter.relatedEntityId} OR s.subscription_id = ${filter.relatedEntityId})`);
  if (filter.kind !== undefined) parts.push(sql`s.kind = ${filter.kind}`);
  if (filter.states !== undefined) parts.push(filter.states.length ? sql`s.state IN (${sql.join(filter.states.map((st) => sql`${st}`), sql`, `)})` : sql`false`);
  return sql.join(parts, sql` AND `);
}

/** One page of services, newest first (a CFS before its RFS children), and the filtered total. */
export async function pageServices(ex: Executor, filter: ServiceFilter, page: { offset: number; limit: number }): Promise<{ items: ServiceView[]; total: number }> {
  const result = await ex.execute(sql`
    WITH f AS (SELECT s.* FROM service_inventory.service s WHERE ${where(filter)}),
         p AS (SELECT * FROM f ORDER BY created_at DESC, service_order_id DESC, kind, spec_id OFFSET ${page.offset} LIMIT ${page.limit})
    SELECT (SELECT count(*) FROM f)::int AS total,
           COALESCE((SELECT json_agg(${viewOf('p')} ORDER BY p.created_at DESC, p.service_order_id DESC, p.kind, p.spec_id) FROM p), '[]'::json) AS items`);
  const row = result.rows[0] as { total: number; items: RawView[] };
  return { total: row.total, items: row.items.map(toView) };
}

export async function findServiceView(ex: Executor, id: string): Promise<ServiceView | undefined> {
  const result = await ex.execute(sql`SELECT ${viewOf('s')} AS view FROM service_inventory.service s WHERE s.id = ${id} AND s.tenant_id = ${currentTenant()}`);
  const row = result.rows[0] as { view: RawView } | undefined;
  return row ? toView(row.view) : undefined;
}
