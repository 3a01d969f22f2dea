// Queries over order_mgmt.product_order and its one order_item. Every read is one round trip: an order is
// always read joined with its item, and a list page comes back with the filtered total from the same
// statement (a count CTE left-joined to the page, so a page past the end still reports the total).
// No business rules here; writes take the caller's transaction. Rows are the current tenant's only.
import type { Database, Executor, Tx } from '@bss/db';
import { NotFound } from '@bss/policy';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { OrderState } from '../domain/order.state.ts';
import { orderItem, orderStateHistory, productOrder, type OrderItemRow, type OrderWithItem, type ProductOrderRow } from '../schema.ts';
import { rawDate } from './raw-row.ts';
import { currentTenant, inTenant } from './tenant.ts';

// One column list for every read, aliased so the order's and the item's columns never clash.
const COLUMN_LIST = `
  o.id AS o_id, o.tenant_id AS o_tenant_id, o.customer_id AS o_customer_id, o.state AS o_state, o.order_date AS o_order_date,
  o.payment_method_id AS o_payment_method_id, o.msisdn_preference AS o_msisdn_preference, o.description AS o_description,
  o.external_id AS o_external_id, o.category AS o_category, o.note AS o_note, o.submitted_at AS o_submitted_at,
  o.completion_date AS o_completion_date, o.cancellation_date AS o_cancellation_date, o.cancellation_reason AS o_cancellation_reason,
  o.failure_cause AS o_failure_cause, o.failure_reason AS o_failure_reason, o.service_order_id AS o_service_order_id,
  o.stuck_flagged_at AS o_stuck_flagged_at, o.created_at AS o_created_at, o.updated_at AS o_updated_at,
  i.id AS i_id, i.order_id AS i_order_id, i.tenant_id AS i_tenant_id, i.action AS i_action, i.offering_id AS i_offering_id,
  i.state AS i_state, i.price_id AS i_price_id, i.price_amount AS i_price_amount, i.price_currency AS i_price_currency,
  i.subscription_id AS i_subscription_id, i.msisdn AS i_msisdn, i.iccid AS i_iccid, i.created_at AS i_created_at,
  i.updated_at AS i_updated_at`;
const COLUMNS = sql.raw(COLUMN_LIST);

type Raw = Record<string, unknown>;

const toOrderWithItem = (r: Raw): OrderWithItem => ({
  order: {
    id: r.o_id, tenantId: r.o_tenant_id, customerId: r.o_customer_id, state: r.o_state, orderDate: rawDate(r.o_order_date),
    paymentMethodId: r.o_payment_method_id, msisdnPreference: r.o_msisdn_preference, description: r.o_description,
    externalId: r.o_external_id, category: r.o_category, note: r.o_note, submittedAt: rawDate(r.o_submitted_at),
    completionDate: rawDate(r.o_completion_date), cancellationDate: rawDate(r.o_cancellation_date), cancellationReason: r.o_cancellation_reason,
    failureCause: r.o_failure_cause, failureReason: r.o_failure_reason, serviceOrderId: r.o_service_order_id,
    stuckFlaggedAt: rawDate(r.o_stuck_flagged_at), createdAt: rawDate(r.o_created_at), updatedAt: rawDate(r.o_updated_at),
  } as ProductOrderRow,
  item: {
    id: r.i_id, orderId: r.i_order_id, tenantId: r.i_tenant_id, action: r.i_action, offeringId: r.i_offering_id, state: r.i_state,
    priceId: r.i_price_id, priceAmount: r.i_price_amount, priceCurrency: r.i_price_currency, subscriptionId: r.i_subscription_id,
    msisdn: r.i_msisdn, iccid: r.i_iccid, createdAt: rawDate(r.i_created_at), updatedAt: rawDate(r.i_updated_at),
  } as OrderItemRow,
});

const FROM = sql.raw('order_mgmt.product_order o JOIN order_mgmt.order_item i ON i.order_id = o.id');

async function selectOne(ex: Executor, id: string, lock: boolean): Promise<OrderWithItem | undefined> {
  const res = await ex.execute(sql`SELECT ${COLUMNS} FROM ${FROM} WHERE o.id = ${id} AND o.tenant_id = ${currentTenant()}${lock ? sql.raw(' FOR UPDATE OF o, i') : sql``}`);
  const row = res.rows[0];
  return row ? toOrderWithItem(row) : undefined;
}

export const findOrder = (ex: Executor, id: string) => selectOne(ex, id, false);

/** The order with its item, or NotFound (404 `order.not_found`). */
export async function getOrder(ex: Executor, id: string): Promise<OrderWithItem> {
  const found = await findOrder(ex, id);
  if (!found) throw new NotFound('order', id);
  return found;
}

// The read by id outside a transaction (GET productOrder/{id}, the CLI's order watch): a named prepared statement
// on the pool, neither rebuilt nor re-planned per call. The pg driver hands timestamptz back as Dates here;
// rawDate takes both, so the row is the same as selectOne's.
const BY_ID = `SELECT ${COLUMN_LIST} FROM order_mgmt.product_order o JOIN order_mgmt.order_item i ON i.order_id = o.id WHERE o.id = $1 AND o.tenant_id = $2`;

/** getOrder as one prepared statement on `database`'s pool (reads only: no transaction, no lock). */
export async function readOrder(database: Database, id: string): Promise<OrderWithItem> {
  const { rows } = await database.pool.query<Raw>({ name: 'com_order_by_id', text: BY_ID, values: [id, currentTenant()] });
  if (!rows[0]) throw new NotFound('order', id);
  return toOrderWithItem(rows[0]);
}

/** Locks the order and its item for the rest of the transaction (every write and consumer goes through here). */
export const findOrderForUpdate = (tx: Tx, id: string) => selectOne(tx, id, true);

export async function getOrderForUpdate(tx: Tx, id: string): Promise<OrderWithItem> {
  const found = await findOrderForUpdate(tx, id);
  if (!found) throw new NotFound('order', id);
  return found;
}

/** What a list filters on; an absent key does not filter. */
export interface OrderFilter {
  customerId?: string | undefined;
  states?: readonly OrderState[] | undefined;
}

/** A page of the tenant's orders, newest first, with the filtered total — one statement. */
export async function listOrders(ex: Executor, filter: OrderFilter, page: { offset: number; limit: number }): Promise<{ rows: OrderWithItem[]; total: number }> {
  const conds: SQL[] = [sql`o.tenant_id = ${currentTenant()}`];
  if (filter.customerId !== undefined) conds.push(sql`o.customer_id = ${filter.customerId}`);
  if (filter.states !== undefined) conds.push(filter.states.length ? sql`o.state IN (${sql.join(filter.states.map((s) => sql`${s}`), sql`, `)})` : sql`false`);
  const where = sql.join(conds, sql` AND `);
  const res = await ex.execute(sql`
    WITH counted AS (SELECT count(*)::int AS total FROM order_mgmt.product_order o WHERE ${where})
    SELECT counted.total, p.* FROM counted
    LEFT JOIN LATERAL (
      SELECT ${COLUMNS} FROM ${FROM} WHERE ${where}
      ORDER BY o.order_date DESC, o.id DESC LIMIT ${page.limit} OFFSET ${page.offset}
    ) p ON true`);
  const total = Number(res.rows[0]?.total ?? 0);
  return { rows: res.rows.filter((r) => r.o_id !== null).map(toOrderWithItem), total };
}

export type NewOrder = Omit<typeof productOrder.$inferInsert, 'tenantId'>;
export type NewOrderItem = Omit<typeof orderItem.$inferInsert, 'tenantId'>;

export async function insertOrder(tx: Tx, order: NewOrder, item: NewOrderItem): Promise<OrderWithItem> {
  const tenantId = currentTenant();
  const [o] = await tx.insert(productOrder).values({ ...order, tenantId }).returning();
  const [i] = await tx.insert(orderItem).values({ ...item, tenantId }).returning();
  return { order: o!, item: i! };
}

export type OrderChanges = Partial<Omit<ProductOrderRow, 'id' | 'tenantId' | 'customerId' | 'createdAt'>> & { updatedAt: Date };
export type ItemChanges = Partial<Pick<OrderItemRow, 'state' | 'subscriptionId' | 'msisdn' | 'iccid'>>;

/** Updates the order (and its item when `item` names changes) and returns both. */
export async function updateOrder(tx: Tx, id: string, changes: OrderChanges, item: ItemChanges = {}): Promise<OrderWithItem> {
  const [o] = await tx.update(productOrder).set(changes).where(and(eq(productOrder.id, id), inTenant(productOrder.tenantId))).returning();
  const [i] = await tx
    .update(orderItem)
    .set({ ...item, updatedAt: changes.updatedAt })
    .where(and(eq(orderItem.orderId, id), inTenant(orderItem.tenantId)))
    .returning();
  return { order: o!, item: i! };
}

export interface HistoryEntry {
  orderId: string;
  fromState: OrderState | null;
  toState: OrderState;
  trigger: string;
  changedBy: string;
  reason: string | null;
  eventTime: Date;
}

export async function insertHistory(tx: Tx, entry: HistoryEntry): Promise<void> {
  await tx.insert(orderStateHistory).values({ ...entry, tenantId: currentTenant() });
}
