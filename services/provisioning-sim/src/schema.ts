// Drizzle view of the provisioning schema (DDL lives in migrations/provisioning/*.sql).
import type { provisioning } from '@bss/contracts';
import { bigint, boolean, integer, numeric, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const provisioningSchema = pgSchema('provisioning');

const ts = () => timestamp({ withTimezone: true });

export const task = provisioningSchema.table('task', {
  id: text().primaryKey(),
  tenantId: text().notNull().default('DEFAULT'),
  serviceOrderId: text().notNull(),
  orderId: text().notNull(),
  customerId: text().notNull(),
  serviceId: text().notNull(),
  offeringId: text().notNull(),
  taskType: text().$type<provisioning.TaskType>().notNull(),
  msisdn: text().notNull(),
  iccid: text().notNull(),
  imsi: text().notNull(),
  requestEventId: uuid().notNull(),
  state: text().$type<provisioning.TaskState>().notNull(),
  attempts: integer().notNull().default(0),
  maxAttempts: integer().notNull(),
  permanent: boolean().notNull().default(false),
  lastError: text(),
  operatorNote: text(),
  startedAt: ts(),
  completedAt: ts(),
  endedAt: ts(),
  createdAt: ts().notNull(),
  updatedAt: ts().notNull(),
});
export type TaskRow = typeof task.$inferSelect;

export const faultRule = provisioningSchema.table('fault_rule', {
  id: text().primaryKey(),
  seq: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
  taskType: text().$type<provisioning.TaskType>(),
  mode: text().$type<provisioning.FaultMode>().notNull(),
  // numeric comes back as a string: the probability stays the exact decimal the operator set.
  probability: numeric({ precision: 7, scale: 6 }).notNull(),
  permanent: boolean().notNull().default(false),
  enabled: boolean().notNull(),
  createdAt: ts().notNull(),
  updatedAt: ts().notNull(),
});
export type FaultRuleRow = typeof faultRule.$inferSelect;
