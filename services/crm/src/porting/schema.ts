// Drizzle table crm.port_request (DDL: migrations/crm/0002_port_request.sql). The CRM core owns the rest of `crm`.
import { date, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

const crm = pgSchema('crm');
const tz = () => timestamp({ withTimezone: true, mode: 'date' });

export const portRequest = crm.table('port_request', {
  id: text().primaryKey(),
  direction: text().notNull(),
  donorCarrier: text().notNull(),
  donorMsisdn: text().notNull(),
  targetSubscriptionId: text(),
  targetCustomerId: text(),
  requestedPortDate: date({ mode: 'string' }).notNull(),
  state: text().notNull(),
  rejectionReason: text(),
  approvedAt: tz(),
  completedAt: tz(),
  rejectedAt: tz(),
  tenantId: text().notNull(),
  createdAt: tz().notNull(),
  updatedAt: tz().notNull(),
});
export type PortRequestRow = typeof portRequest.$inferSelect;
