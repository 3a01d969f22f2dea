// Drizzle view of the service_inventory schema (DDL lives in migrations/service_inventory/*.sql).
import { jsonb, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';
import type { ProvisioningTaskType } from '@bss/contracts';
import type { ServiceOrderState } from './domain/service-order.state.ts';
import type { ServiceState } from './domain/service.state.ts';
import type { TaskState } from './domain/task.state.ts';

export const serviceInventory = pgSchema('service_inventory');

const ts = () => timestamp({ withTimezone: true });

/** The price COM placed the order at (event payload shape). */
export interface PriceSnapshotJson {
  priceId: string;
  amount: string;
  currency: string;
}

export const serviceOrder = serviceInventory.table('service_order', {
  id: text().primaryKey(),
  tenantId: text().notNull(),
  orderId: text().notNull(),
  itemId: text(),
  customerId: text(),
  offeringId: text(),
  msisdnPreference: text(),
  paymentMethodId: text(),
  priceSnapshot: jsonb().$type<PriceSnapshotJson>(),
  state: text().$type<ServiceOrderState>().notNull(),
  stateReason: text(),
  failedTaskType: text().$type<ProvisioningTaskType>(),
  msisdn: text(),
  iccid: text(),
  orderDate: ts().notNull(),
  startedAt: ts(),
  completedAt: ts(),
  endedAt: ts(),
  createdAt: ts().notNull().defaultNow(),
  updatedAt: ts().notNull().defaultNow(),
});
export type ServiceOrderRow = typeof serviceOrder.$inferSelect;

export const service = serviceInventory.table('service', {
  id: text().primaryKey(),
  tenantId: text().notNull(),
  serviceOrderId: text().notNull(),
  parentServiceId: text(),
  specId: text().notNull(),
  kind: text().$type<'CFS' | 'RFS'>().notNull(),
  state: text().$type<ServiceState>().notNull(),
  customerId: text().notNull(),
  orderId: text().notNull(),
  subscriptionId: text(),
  msisdn: text(),
  iccid: text(),
  imsi: text(),
  activationCode: text(),
  activatedAt: ts(),
  endedAt: ts(),
  createdAt: ts().notNull(),
  updatedAt: ts().notNull(),
});
export type ServiceRow = typeof service.$inferSelect;

export const provisioningTask = serviceInventory.table('provisioning_task', {
  serviceOrderId: text().notNull(),
  taskType: text().$type<ProvisioningTaskType>().notNull(),
  serviceId: text().notNull(),
  state: text().$type<TaskState>().notNull(),
  taskId: text(),
  lastError: text(),
  updatedAt: ts().notNull(),
});
export type ProvisioningTaskRow = typeof provisioningTask.$inferSelect;
