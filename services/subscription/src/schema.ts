// Drizzle view of the subscription schema (DDL lives in migrations/subscription/*.sql).
import { bigint, bigserial, boolean, integer, numeric, pgSchema, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const subscriptionSchema = pgSchema('subscription');

const ts = () => timestamp({ withTimezone: true });

export const subscription = subscriptionSchema.table('subscription', {
  id: text().primaryKey(),
  tenantId: text().notNull().default('DEFAULT'),
  customerId: text().notNull(),
  offeringId: text().notNull(),
  commercialOrderId: text(),
  serviceOrderId: text(),
  cfsServiceId: text(),
  msisdn: text().notNull(),
  iccid: text().notNull(),
  state: text().$type<'pending' | 'active' | 'blocked' | 'terminated'>().notNull(),
  stateReason: text(),
  activatedAt: ts(),
  currentPeriodStart: ts(),
  currentPeriodEnd: ts(),
  nextRenewalAt: ts(),
  terminatedAt: ts(),
  lastRenewalAttemptedAt: ts(),
  // numeric comes back from pg as a string: money never passes through a float.
  priceAmount: numeric({ precision: 12, scale: 2 }).notNull(),
  priceCurrency: text().notNull(),
  priceOfferingPriceId: text().notNull(),
  paymentMethodId: text().notNull(),
  activationPaymentId: text(),
  pendingOfferingId: text(),
  pendingOfferingPriceId: text(),
  pendingEffectiveAt: ts(),
  esimActivationCode: text(),
  esimSmdpServer: text(),
  esimMatchingId: text(),
  renewalSkippedFor: ts(),
  renewalReminderSentFor: ts(),
  renewalAttempts: integer().notNull().default(0),
  pendingPriceAmount: numeric({ precision: 12, scale: 2 }),
  pendingPriceCurrency: text(),
  pendingKind: text().$type<'plan_change' | 'price_migration'>(),
  createdAt: ts().notNull(),
  updatedAt: ts().notNull(),
});
export type SubscriptionRow = typeof subscription.$inferSelect;

export const bundleBalance = subscriptionSchema.table(
  'bundle_balance',
  {
    subscriptionId: text().notNull(),
    allowanceType: text().$type<'data' | 'voice' | 'sms' | 'data_roaming'>().notNull(),
    tenantId: text().notNull().default('DEFAULT'),
    total: bigint({ mode: 'number' }).notNull(),
    consumed: bigint({ mode: 'number' }).notNull().default(0),
    unit: text().notNull(),
    periodStart: ts().notNull(),
    periodEnd: ts().notNull(),
    /** A day pass: unlimited until then (the total is kept for after it). */
    unlimitedUntil: ts(),
    createdAt: ts().notNull(),
    updatedAt: ts().notNull(),
  },
  (t) => [primaryKey({ columns: [t.subscriptionId, t.allowanceType] })],
);
export type BundleBalanceRow = typeof bundleBalance.$inferSelect;

export const stateHistory = subscriptionSchema.table('subscription_state_history', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  subscriptionId: text().notNull(),
  tenantId: text().notNull().default('DEFAULT'),
  fromState: text(),
  toState: text().notNull(),
  trigger: text().notNull(),
  reason: text(),
  changedBy: text().notNull(),
  occurredAt: ts().notNull(),
});

export const activation = subscriptionSchema.table(
  'activation',
  {
    tenantId: text().notNull().default('DEFAULT'),
    orderId: text().notNull(),
    outcome: text().$type<'activated' | 'declined'>().notNull(),
    customerId: text().notNull(),
    offeringId: text().notNull(),
    subscriptionId: text(),
    paymentId: text(),
    reason: text(),
    declineCode: text(),
    recordedAt: ts().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.orderId] })],
);
export type ActivationRow = typeof activation.$inferSelect;

export const usageConsumption = subscriptionSchema.table(
  'usage_consumption',
  {
    tenantId: text().notNull().default('DEFAULT'),
    usageEventId: text().notNull(),
    subscriptionId: text().notNull(),
    allowanceType: text().$type<'data' | 'voice' | 'sms' | 'data_roaming'>().notNull(),
    requestedQuantity: bigint({ mode: 'number' }).notNull(),
    appliedQuantity: bigint({ mode: 'number' }).notNull(),
    overageQuantity: bigint({ mode: 'number' }).notNull(),
    outcome: text().$type<'decremented' | 'rejected'>().notNull(),
    reason: text(),
    lineState: text().notNull(),
    eventTime: ts().notNull(),
    recordedAt: ts().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.usageEventId] })],
);
export type UsageConsumptionRow = typeof usageConsumption.$inferSelect;

export const vasPurchase = subscriptionSchema.table('vas_purchase', {
  id: text().primaryKey(),
  tenantId: text().notNull().default('DEFAULT'),
  subscriptionId: text().notNull(),
  customerId: text().notNull(),
  vasOfferingId: text().notNull(),
  idempotencyKey: text().notNull(),
  paymentId: text().notNull(),
  amount: numeric({ precision: 12, scale: 2 }).notNull(),
  currency: text().notNull(),
  allowanceType: text().$type<'data' | 'voice' | 'sms' | 'data_roaming'>().notNull(),
  quantity: bigint({ mode: 'number' }).notNull(),
  unit: text().notNull(),
  previousState: text().notNull(),
  unblocked: boolean().notNull(),
  purchasedAt: ts().notNull(),
  expiresAt: ts(),
  expiredAt: ts(),
  expiredQuantity: bigint({ mode: 'number' }),
});
export type VasPurchaseRow = typeof vasPurchase.$inferSelect;

export const charge = subscriptionSchema.table('charge', {
  id: text().primaryKey(),
  tenantId: text().notNull().default('DEFAULT'),
  subscriptionId: text().notNull(),
  customerId: text().notNull(),
  kind: text().$type<'activation' | 'renewal' | 'vas'>().notNull(),
  paymentId: text().notNull(),
  amount: numeric({ precision: 12, scale: 2 }).notNull(),
  currency: text().notNull(),
  offeringId: text().notNull(),
  description: text().notNull(),
  periodStart: ts(),
  periodEnd: ts(),
  chargedAt: ts().notNull(),
});
export type ChargeRow = typeof charge.$inferSelect;
