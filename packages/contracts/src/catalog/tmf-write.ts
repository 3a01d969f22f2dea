// TMF620 write bodies and list filters: ProductOffering / ProductOfferingPrice / ProductSpecification, create
// (the official *_Create attributes the catalog can honour) and merge-patch (RFC 7386: omitted = unchanged,
// null = remove). Strict: an official attribute the catalog does not model (bundledProductOffering, tax,
// productSpecCharacteristic, lastUpdate, …) is a 400 rather than silently dropped; see DECISIONS.md.
import { z } from 'zod';
import { FieldsQuery, InstantQueryParam, PageQuery } from '../common/paging.ts';
import { Instant, LIMITS, Text } from '../common/limits.ts';
import { AmountInput, CatalogId } from './admin.ts';

const Name = z.string().min(1).max(LIMITS.name);
const Description = Text(LIMITS.line);
/** TMF lifecycleStatus is a free string; the catalog's policies say which values a resource accepts. */
const Lifecycle = z.string().min(1).max(LIMITS.code);
const Currency = z.string().max(3).regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. SGD');

/** A TMF entity reference (ProductSpecificationRef, ProductOfferingPriceRef). */
export const CatalogRefInput = z.strictObject({
  id: CatalogId,
  href: Text(LIMITS.line).optional(),
  name: Text(LIMITS.name).optional(),
  '@type': Text(LIMITS.code).optional(),
  '@referredType': Text(LIMITS.code).optional(),
});

/** TimePeriod on create: omitted bounds are open. */
const PeriodInput = z.strictObject({ startDateTime: Instant.optional(), endDateTime: Instant.optional().describe('Exclusive end') });
/** TimePeriod in a merge-patch: null opens a bound, the whole validFor null opens both. */
const PeriodPatch = z
  .strictObject({ startDateTime: Instant.nullable().optional(), endDateTime: Instant.nullable().optional().describe('Exclusive end') })
  .nullable();
export type PeriodPatch = z.infer<typeof PeriodPatch>;

/** TMF Money as a price amount: value is read as an exact decimal (≤ 2 fraction digits). */
const MoneyInput = z.strictObject({ value: AmountInput, unit: Currency });

const PriceRefs = z.array(CatalogRefInput).max(LIMITS.items);

/** POST …/productOffering (TMF ProductOffering_Create). */
export const ProductOfferingCreate = z
  .strictObject({
    name: Name,
    description: Description.optional(),
    isBundle: z.boolean().optional().describe('Only false: bundles of offerings are not modelled'),
    isSellable: z.boolean().optional().describe('Default false: a new offering is a draft until made sellable'),
    lifecycleStatus: Lifecycle.optional().describe('active (default) or retired, any case'),
    validFor: PeriodInput.optional(),
    productSpecification: CatalogRefInput.optional(),
    productOfferingPrice: PriceRefs.optional().describe('Prices to attach (each attached to no offering yet)'),
    '@type': z.literal('ProductOffering').optional(),
  })
  .meta({ id: 'ProductOfferingCreate' });
export type ProductOfferingCreate = z.infer<typeof ProductOfferingCreate>;

/** PATCH …/productOffering/{id} (merge-patch of TMF ProductOffering_Update). */
export const ProductOfferingPatch = z
  .strictObject({
    name: Name.optional(),
    description: Description.nullable().optional(),
    isBundle: z.boolean().optional(),
    isSellable: z.boolean().optional(),
    lifecycleStatus: Lifecycle.optional().describe('retired retires the offering (unsellable, window closed at now)'),
    validFor: PeriodPatch.optional(),
    productSpecification: CatalogRefInput.nullable().optional(),
    productOfferingPrice: PriceRefs.optional().describe('The whole list (merge-patch replaces arrays); attached prices stay'),
  })
  .meta({ id: 'ProductOfferingPatch' });
export type ProductOfferingPatch = z.infer<typeof ProductOfferingPatch>;

const PriceType = z.enum(['recurring', 'one_time']);
const PeriodType = z.literal('month').describe('The only recurring period billed');
const PeriodLength = z.literal(1).describe('One month');

/** POST …/productOfferingPrice (TMF ProductOfferingPrice_Create). */
export const ProductOfferingPriceCreate = z
  .strictObject({
    name: Name,
    description: Description.optional(),
    lifecycleStatus: Lifecycle.optional().describe('active (default) or retired, any case'),
    priceType: PriceType.optional().describe('Default recurring'),
    recurringChargePeriodType: PeriodType.optional().describe('Default month for a recurring price'),
    recurringChargePeriodLength: PeriodLength.optional(),
    price: MoneyInput.optional().describe('Required: a price without an amount cannot be charged'),
    validFor: PeriodInput.optional(),
    '@type': z.literal('ProductOfferingPrice').optional(),
  })
  .meta({ id: 'ProductOfferingPriceCreate' });
export type ProductOfferingPriceCreate = z.infer<typeof ProductOfferingPriceCreate>;

/** PATCH …/productOfferingPrice/{id}; the charged terms (price, priceType, period) may be repeated, not changed. */
export const ProductOfferingPricePatch = z
  .strictObject({
    name: Name.optional(),
    description: Description.nullable().optional(),
    lifecycleStatus: Lifecycle.optional().describe('retired closes the window at now'),
    priceType: PriceType.optional(),
    recurringChargePeriodType: PeriodType.optional(),
    recurringChargePeriodLength: PeriodLength.optional(),
    price: MoneyInput.optional(),
    validFor: PeriodPatch.optional(),
  })
  .meta({ id: 'ProductOfferingPricePatch' });
export type ProductOfferingPricePatch = z.infer<typeof ProductOfferingPricePatch>;

/** POST …/productSpecification (TMF ProductSpecification_Create). */
export const ProductSpecificationCreate = z
  .strictObject({
    name: Name,
    description: Description.optional(),
    brand: Text(LIMITS.name).optional(),
    lifecycleStatus: Lifecycle.optional().describe('Free text (e.g. Active, In design)'),
    '@type': z.literal('ProductSpecification').optional(),
  })
  .meta({ id: 'ProductSpecificationCreate' });
export type ProductSpecificationCreate = z.infer<typeof ProductSpecificationCreate>;

/** PATCH …/productSpecification/{id} */
export const ProductSpecificationPatch = z
  .strictObject({
    name: Name.optional(),
    description: Description.nullable().optional(),
    brand: Text(LIMITS.name).nullable().optional(),
    lifecycleStatus: Lifecycle.nullable().optional(),
  })
  .meta({ id: 'ProductSpecificationPatch' });
export type ProductSpecificationPatch = z.infer<typeof ProductSpecificationPatch>;

const LifecycleFilter = z.string().max(LIMITS.code).optional().describe('Any value, matched case-insensitively');
const ListBase = PageQuery.extend(FieldsQuery.shape);

/** GET …/productOffering */
export const ProductOfferingListQuery = ListBase.extend({
  lifecycleStatus: LifecycleFilter,
  name: Text(LIMITS.name).optional().describe('Exact name'),
  isSellable: z.enum(['true', 'false']).optional(),
  activeAt: InstantQueryParam.optional().describe('Only offerings sellable at this instant, cheapest active price first'),
});
export type ProductOfferingListQuery = z.infer<typeof ProductOfferingListQuery>;

/** GET …/productOfferingPrice */
export const ProductOfferingPriceListQuery = ListBase.extend({
  lifecycleStatus: LifecycleFilter,
  name: Text(LIMITS.name).optional().describe('Exact name'),
  priceType: Text(LIMITS.code).optional().describe('recurring | one_time'),
});
export type ProductOfferingPriceListQuery = z.infer<typeof ProductOfferingPriceListQuery>;

/** GET …/productSpecification */
export const ProductSpecificationListQuery = ListBase.extend({
  lifecycleStatus: LifecycleFilter,
  name: Text(LIMITS.name).optional().describe('Exact name'),
  brand: Text(LIMITS.name).optional().describe('Exact brand'),
});
export type ProductSpecificationListQuery = z.infer<typeof ProductSpecificationListQuery>;
