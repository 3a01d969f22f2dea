// Reads for the service-order APIs: each is one round trip — the page, its total and every order's services and
// tasks come back together (CTE + json_agg), so a list never issues a query per row.
import type { Executor } from '@bss/db';
import { sql, type SQL } from 'drizzle-orm';
import type { ProvisioningTaskRow, ServiceOrderRow, ServiceRow } from '../schema.ts';
import { fromJsonRow } from './json-row.ts';
import { currentTenant } from './tenant.ts';

/** A service order with its services (CFS first) and its tasks. */
export interface ServiceOrderGraph {
  order: ServiceOrderRow;
  services: ServiceRow[];
  tasks: ProvisioningTaskRow[];
}

export interface ServiceOrderFilter {
  orderId?: string | undefined;
  /** Internal states to keep; an empty list matches nothing. */
  states?: string[] | undefined;
  customerId?: string | undefined;
}

const graphOf = (alias: string) => sql.raw(`json_build_object(
  'order', to_jsonb(${alias}),
  'services', COALESCE((SELECT json_agg(to_jsonb(s) ORDER BY s.kind, s.spec_id) FROM service_inventory.service s WHERE s.service_order_id = ${alias}.id), '[]'::json),
  'tasks', COALESCE((SELECT json_agg(to_jsonb(t) ORDER BY t.task_type) FROM service_inventory.provisioning_task t WHERE t.service_order_id = ${alias}.id), '[]'::json))`);

type RawGraph = { order: Record<string, unknown>; services: Record<string, unknown>[]; tasks: Record<string, unknown>[] };
const toGraph = (g: RawGraph): ServiceOrderGraph => ({
  order: fromJsonRow<ServiceOrderRow>(g.order),
  services: g.services.map((s) => fromJsonRow<ServiceRow>(s)),
  tasks: g.tasks.map((t) => fromJsonRow<ProvisioningTaskRow>(t)),
});

function where(filter: ServiceOrderFilter): SQL {
  const parts: SQL[] = [sql`so.tenant_id = ${currentTenant()}`];
  if (filter.orderId !== undefined) parts.push(sql`so.order_id = ${filter.orderId}`);
  if (filter.customerId !== undefined) parts.push(sql`so.customer_id = ${filter.customerId}`);
  if (filter.states !== undefined) parts.push(filter.states.length ? sql`so.state IN (${sql.join(filter.states.map((s) => sql`${s}`), sql`, `)})` : sql`false`);
  return sql.join(parts, sql` AND `);
}

/** One page of service orders, newest first, and the filtered total. */
export async function pageServiceOrders(ex: Executor, filter: ServiceOrderFilter, page: { offset: number; limit: number }): Promise<{ items: ServiceOrderGraph[]; total: number }> {
  const result = await ex.execute(sql`
    WITH f AS (SELECT so.* FROM service_inventory.service_order so WHERE ${where(filter)}),
         p AS (SELECT * FROM f ORDER BY order_date DESC, id DESC OFFSET ${page.offset} LIMIT ${page.limit})
    SELECT (SELECT count(*) FROM f)::int AS total,
           COALESCE((SELECT json_agg(${graphOf('p')} ORDER BY p.order_date DESC, p.id DESC) FROM p), '[]'::json) AS items`);
  const row = result.rows[0] as { total: number; items: RawGraph[] };
  return { total: row.total, items: row.items.map(toGraph) };
}

/** One service order with its services and tasks, by id or by commercial order id. */
export async function findServiceOrderGraph(ex: Executor, by: { id: string } | { orderId: string }): Promise<ServiceOrderGraph | undefined> {
  const match = 'id' in by ? sql`so.id = ${by.id}` : sql`so.order_id = ${by.orderId}`;
  const result = await ex.execute(sql`
    SELECT ${graphOf('so')} AS graph FROM service_inventory.service_order so
    WHERE ${match} AND so.tenant_id = ${currentTenant()}`);
  const row = result.rows[0] as { graph: RawGraph } | undefined;
  return row ? toGraph(row.graph) : undefined;
}
