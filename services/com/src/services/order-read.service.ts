// Order reads: one order, lists (filtered, paged, counted in the same statement), a customer's open orders
// (CRM's DELETE guard) and the TMF622 cancellation requests. Reads skip policies and open no transaction.
import type { ComDeps } from '../deps.ts';
import { OPEN_ORDER_STATES, type OrderState } from '../domain/order.state.ts';
import { getCancelRequest, listCancelRequests } from '../repositories/cancel-request.repository.ts';
import { listOrders, readOrder, type OrderFilter } from '../repositories/order.repository.ts';

export type Page = { offset: number; limit: number };

export function createOrderReads(deps: ComDeps) {
  const db = deps.database.db;
  return {
    get: (orderId: string) => readOrder(deps.database, orderId),
    list: (filter: OrderFilter, page: Page) => listOrders(db, filter, page),
    /** Ids of the customer's orders still acknowledged or in progress, newest first (at most 200). */
    async openOrderIds(customerId: string): Promise<string[]> {
      const { rows } = await listOrders(db, { customerId, states: OPEN_ORDER_STATES as OrderState[] }, { offset: 0, limit: 200 });
      return rows.map((r) => r.order.id);
    },
    getCancel: (id: string) => getCancelRequest(db, id),
    listCancels: (filter: { orderId?: string | undefined }, page: Page) => listCancelRequests(db, filter, page),
  };
}
export type OrderReads = ReturnType<typeof createOrderReads>;
