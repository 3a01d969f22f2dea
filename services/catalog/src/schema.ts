// Drizzle tables of the `catalog` schema (DDL lives in migrations/catalog/0001_catalog.sql; keep them in step).
// Columns are camelCase here and snake_case in Postgres through the db's `casing` option.
import { bigint, bigserial, boolean, jsonb, numeric, pgSchema, smallint, text, timestamp } from 'drizzle-orm/pg-core';

export const catalog = pgSchema('catalog');

const tz = () => timestamp({ withTimezone: true, mode: 'date' });
const audit = {
  tenantId: text().notNull().default('DEFAULT'),
  createdAt: tz().notNull().defaultNow(),
  updatedAt: tz().notNull().defaultNow(),
};

export const productSpecification = catalog.table('product_specification', {
  id: text().primaryKey(),
  name: text(),
  description: text(),
  brand: text(),
  lifecycleStatus: text(),
  /** TMF lastUpdate: business time of the last write, from the scenario clock (migration 0003). */
  lastUpdate: tz().notNull(),
  ...audit,
});

export const productOffering = catalog.table('product_offering', {
  id: text().primaryKey(),
  name: text(),
  description: text(),
  specId: text(),
  isSellable: boolean(),
  /** Set once the offering is stored sellable, never cleared: from then on orders may reference it. */
  wasSellable: boolean().notNull().default(true),
  lifecycleStatus: text(),
  validFrom: tz(),
  validTo: tz(),
  lastUpdate: tz().notNull(),
  ...audit,
});

export const productOfferingPrice = catalog.table('product_offering_price', {
  id: text().primaryKey(),
  /** Null while the price is attached to no offering (TMF prices are listed by the offering, not the reverse). */
  offeringId: text(),
  name: text().notNull(),
  description: text(),
  lifecycleStatus: text().notNull(),
  priceType: text().notNull(),
  recurringPeriodLength: smallint(),
  recurringPeriodType: text(),
  // NUMERIC comes back as a string ("25.00"); it never becomes a float inside the service.
  amount: numeric({ precision: 12, scale: 2 }).notNull(),
  currency: text().notNull().default('SGD'),
  validFrom: tz(),
  validTo: tz(),
  lastUpdate: tz().notNull(),
  ...audit,
});

export const bundleAllowance = catalog.table('bundle_allowance', {
  id: text().primaryKey(),
  offeringId: text().notNull(),
  allowanceType: text().notNull(),
  quantity: bigint({ mode: 'number' }).notNull(),
  unit: text().notNull(),
  ...audit,
});

export const vasOffering = catalog.table('vas_offering', {
  id: text().primaryKey(),
  name: text(),
  priceAmount: numeric({ precision: 12, scale: 2 }).notNull(),
  currency: text().notNull().default('SGD'),
  allowanceType: text(),
  allowanceQuantity: bigint({ mode: 'number' }),
  allowanceUnit: text(),
  expiryHours: smallint(),
  ...audit,
});

export const serviceSpecification = catalog.table('service_specification', {
  id: text().primaryKey(),
  name: text(),
  type: text(),
  parameters: jsonb(),
  ...audit,
});

export const productToServiceMapping = catalog.table('product_to_service_mapping', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  offeringId: text().notNull(),
  cfsSpecId: text().notNull(),
  rfsSpecIds: text().array().notNull(),
  ...audit,
});

export type OfferingRow = typeof productOffering.$inferSelect;
export type PriceRow = typeof productOfferingPrice.$inferSelect;
export type AllowanceRow = typeof bundleAllowance.$inferSelect;
export type SpecificationRow = typeof productSpecification.$inferSelect;
export type VasRow = typeof vasOffering.$inferSelect;
