// Drizzle tables of the `inventory` schema (DDL: migrations/inventory/0001_inventory.sql, 0002_idempotency_and_reservation_expiry.sql, 0003_ever_assigned.sql).
import { boolean, jsonb, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

export const inventory = pgSchema('inventory');

const tz = () => timestamp({ withTimezone: true, mode: 'date' });

export const msisdnPool = inventory.table('msisdn_pool', {
  msisdn: text().primaryKey(),
  status: text().notNull(),
  origin: text().notNull(),
  reservedAt: tz(),
  assignedAt: tz(),
  assignedToSubscriptionId: text(),
  assignedToCustomerId: text(),
  portedOutAt: tz(),
  portRequestId: text(),
  // once assigned, never deletable through TMF639 (migrations/inventory/0003)
  everAssigned: boolean().notNull().default(false),
  // released from service: not reservable before then (migrations/inventory/0004)
  quarantinedUntil: tz(),
  tenantId: text().notNull(),
  createdAt: tz().notNull(),
  updatedAt: tz().notNull(),
});
export type MsisdnRow = typeof msisdnPool.$inferSelect;

export const esimProfile = inventory.table('esim_profile', {
  iccid: text().primaryKey(),
  imsi: text().notNull(),
  kiRef: text().notNull(),
  profileState: text().notNull(),
  smdpServer: text().notNull(),
  matchingId: text().notNull(),
  assignedMsisdn: text(),
  assignedToSubscriptionId: text(),
  assignedToCustomerId: text(),
  reservedAt: tz(),
  downloadedAt: tz(),
  activatedAt: tz(),
  everAssigned: boolean().notNull().default(false),
  tenantId: text().notNull(),
  createdAt: tz().notNull(),
  updatedAt: tz().notNull(),
});
export type EsimRow = typeof esimProfile.$inferSelect;

/** Keys of idempotent inventory writes (see migrations/inventory/0002): the first response per key. */
export const idempotencyKey = inventory.table('idempotency_key', {
  tenantId: text().notNull(),
  caller: text().notNull(),
  idempotencyKey: text().notNull(),
  operation: text().notNull(),
  request: text().notNull(),
  response: jsonb(),
  createdAt: tz().notNull(),
});
export type IdempotencyKeyRow = typeof idempotencyKey.$inferSelect;
