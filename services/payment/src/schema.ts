// Drizzle view of the payment schema (DDL lives in migrations/payment/*.sql).
// Ids default from sequences in the database, so inserts never mint them here.
import { sql } from 'drizzle-orm';
import { boolean, numeric, pgSchema, smallint, text, timestamp } from 'drizzle-orm/pg-core';

export const payment = pgSchema('payment');

const ts = () => timestamp({ withTimezone: true });

export const paymentMethod = payment.table('payment_method', {
  id: text()
    .primaryKey()
    .default(sql`('PM-' || lpad(nextval('payment.payment_method_id_seq')::text, 4, '0'))`),
  customerId: text().notNull(),
  type: text().notNull().default('card'),
  token: text().notNull(),
  tokenProvider: text().notNull(),
  brand: text().notNull(),
  last4: text().notNull(),
  expMonth: smallint().notNull(),
  expYear: smallint().notNull(),
  isDefault: boolean().notNull().default(false),
  status: text().$type<'active' | 'removed' | 'expired'>().notNull().default('active'),
  tenantId: text().notNull().default('DEFAULT'),
  createdAt: ts().notNull(),
  updatedAt: ts().notNull(),
  removedAt: ts(),
  name: text(),
  description: text(),
  validFrom: ts(),
  validTo: ts(),
});
export type PaymentMethodRow = typeof paymentMethod.$inferSelect;

export const paymentAttempt = payment.table('payment_attempt', {
  id: text()
    .primaryKey()
    .default(sql`('PAY-' || lpad(nextval('payment.payment_attempt_id_seq')::text, 6, '0'))`),
  customerId: text().notNull(),
  paymentMethodId: text().notNull(),
  // numeric comes back from pg as a string: money never passes through a float.
  amount: numeric({ precision: 12, scale: 2 }).notNull(),
  currency: text().notNull().default('SGD'),
  purpose: text().$type<'activation' | 'renewal' | 'vas'>().notNull(),
  status: text().$type<'pending' | 'approved' | 'declined' | 'errored'>().notNull(),
  idempotencyKey: text().notNull(),
  gatewayRef: text(),
  declineCode: text(),
  declineReason: text(),
  attemptedAt: ts().notNull(),
  completedAt: ts(),
  name: text(),
  description: text(),
  channelId: text(),
  channelName: text(),
  tenantId: text().notNull().default('DEFAULT'),
  createdAt: ts().notNull(),
  updatedAt: ts().notNull(),
});
export type PaymentAttemptRow = typeof paymentAttempt.$inferSelect;
