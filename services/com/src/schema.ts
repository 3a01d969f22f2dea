// Drizzle view of the order_mgmt schema (DDL lives in migrations/order_mgmt/*.sql). Ids are minted in code.
import { bigserial, jsonb, numeric, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';
import type { OrderState } from './domain/order.state.ts';

export const orderMgmt = pgSchema('order_mgmt');

const ts = () => timestamp({ withTimezone: true });

/** A TMF622 note as stored (what the client sent). */
export interface StoredNote {
  text: string;
  author?: string;
  date?: string;
  id?: string;
}

export type FailureCause = 'provisioning_failed' | 'activation_declined' | 'fulfilment_refused';

export const productOrder = orderMgmt.table('product_order', {
  id: text().primaryKey(),
  tenantId: text().notNull(),
  customerId: text().notNull(),
  state: text().$type<OrderState>().notNull(),
  orderDate: ts().notNull(),
  paymentMethodId: text().notNull(),
  msisdnPreference: text(),
  description: text(),
  externalId: text(),
  category: text(),
  note: jsonb().$type<StoredNote[]>().notNull(),
  submittedAt: ts(),
  completionDate: ts(),
  cancellationDate: ts(),
  cancellationReason: text(),
  failureCause: text().$type<FailureCause>(),
  failureReason: text(),
  serviceOrderId: text(),
  stuckFlaggedAt: ts(),
  createdAt: ts().notNull(),
  updatedAt: ts().notNull(),
});
export type ProductOrderRow = typeof productOrder.$inferSelect;

export const orderItem = orderMgmt.table('order_item', {
  id: text().primaryKey(),
  orderId: text().notNull(),
  tenantId: text().notNull(),
  action: text().$type<'add'>().notNull(),
  offeringId: text().notNull(),
  state: text().$type<OrderState>().notNull(),
  priceId: text().notNull(),
  // numeric comes back from pg as a string: money never passes through a float.
  priceAmount: numeric({ precision: 12, scale: 2 }).notNull(),
  priceCurrency: text().notNull(),
  subscriptionId: text(),
  msisdn: text(),
  iccid: text(),
  createdAt: ts().notNull(),
  updatedAt: ts().notNull(),
});
export type OrderItemRow = typeof orderItem.$inferSelect;

export const orderStateHistory = orderMgmt.table('order_state_history', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  orderId: text().notNull(),
  tenantId: text().notNull(),
  fromState: text().$type<OrderState>(),
  toState: text().$type<OrderState>().notNull(),
  trigger: text().notNull(),
  changedBy: text().notNull(),
  reason: text(),
  eventTime: ts().notNull(),
});

export type CancelRequestState = 'acknowledged' | 'inProgress' | 'done' | 'terminatedWithError';

export const cancelRequest = orderMgmt.table('cancel_request', {
  id: text().primaryKey(),
  tenantId: text().notNull(),
  orderId: text().notNull(),
  state: text().$type<CancelRequestState>().notNull(),
  cancellationReason: text(),
  requestedCancellationDate: ts(),
  effectiveCancellationDate: ts(),
  createdAt: ts().notNull(),
});
export type CancelRequestRow = typeof cancelRequest.$inferSelect;

/** An order with its one item, as every read returns it. */
export interface OrderWithItem {
  order: ProductOrderRow;
  item: OrderItemRow;
}
