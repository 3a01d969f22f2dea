// Drizzle view of the mediation schema (DDL lives in migrations/mediation/*.sql).
import { bigint, boolean, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';
import type { usage as wire } from '@bss/contracts';

export const mediation = pgSchema('mediation');

const ts = () => timestamp({ withTimezone: true });

export const usage = mediation.table('usage', {
  id: text().primaryKey(),
  tenantId: text().notNull().default('DEFAULT'),
  msisdn: text().notNull(),
  subscriptionId: text().notNull(),
  customerId: text().notNull(),
  offeringId: text().notNull(),
  eventType: text().$type<wire.UsageEventType>().notNull(),
  eventTime: ts().notNull(),
  // Whole units; a JS number is exact far beyond any single record's quantity (≤ 10^12 by the contract).
  quantity: bigint({ mode: 'number' }).notNull(),
  unit: text().$type<wire.UsageUnit>().notNull(),
  roaming: boolean().notNull().default(false),
  source: text().notNull(),
  externalId: text(),
  description: text(),
  createdAt: ts().notNull(),
});
export type UsageRow = typeof usage.$inferSelect;
