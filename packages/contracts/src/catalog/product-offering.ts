// TMF620 v4 wire shapes of the catalog: ProductOffering, the embedded and the top-level ProductOfferingPrice,
// Money and the allowance characteristic uses. Every optional attribute is omitted (never null) when unset.
import { z } from 'zod';
import { amountFromNumber } from '../common/money.ts';

/** TMF TimePeriod; a bound is present only when set (open bounds are omitted). */
export const TimePeriod = z.object({
  startDateTime: z.string().optional().describe('Inclusive start (ISO-8601)'),
  endDateTime: z.string().optional().describe('Exclusive end (ISO-8601)'),
});
export type TimePeriod = z.infer<typeof TimePeriod>;

/**
 * TMF Money. `value` is a JSON number because the TMF schema says so; it is parsed from the stored
 * NUMERIC(12,2) string (never computed). Convert back with `decimalFromMoney` before doing money maths.
 */
export const Money = z.object({
  value: z.number().describe('Amount, tax included, e.g. 25 for SGD 25.00'),
  unit: z.string().describe('ISO 4217 currency, e.g. SGD'),
});
export type Money = z.infer<typeof Money>;

/** The allowance kinds a bundle carries. */
export const AllowanceType = z.enum(['data', 'voice', 'sms', 'data_roaming']);
export type AllowanceType = z.infer<typeof AllowanceType>;

/** TMF CharacteristicValueSpecification as used for an allowance quantity. */
export const AllowanceValue = z.object({
  value: z.number().int().describe('Quantity in unitOfMeasure; -1 = unlimited'),
  unitOfMeasure: z.string().describe('mb, minutes or count'),
  valueType: z.literal('integer'),
});

/**
 * A bundle allowance carried as a TMF ProductSpecificationCharacteristicValueUse (ProductOffering.prodSpecCharValueUse):
 * `name` is the allowance type and the single value holds quantity and unit.
 */
export const AllowanceUse = z.object({
  name: AllowanceType,
  valueType: z.literal('integer'),
  productSpecCharacteristicValue: z.array(AllowanceValue).length(1),
});
export type AllowanceUse = z.infer<typeof AllowanceUse>;

/** TMF ProductSpecificationRef. */
export const ProductSpecificationRef = z.object({
  id: z.string(),
  href: z.string(),
  name: z.string().optional(),
  '@type': z.literal('ProductSpecificationRef'),
});

/**
 * A price embedded in a ProductOffering: TMF ProductOfferingPriceRefOrValue, whose `price` is a
 * ProductPriceValue (amount under `taxIncludedAmount`) and whose period field is `recurringChargePeriod`.
 */
export const EmbeddedOfferingPrice = z.object({
  id: z.string(),
  href: z.string(),
  priceType: z.string().describe('recurring (the only type in use) or one_time'),
  recurringChargePeriod: z.string().optional().describe('month'),
  recurringChargePeriodLength: z.number().int().optional(),
  price: z.object({ taxIncludedAmount: Money }),
  validFor: TimePeriod.optional(),
  '@type': z.literal('ProductOfferingPrice'),
});
export type EmbeddedOfferingPrice = z.infer<typeof EmbeddedOfferingPrice>;

/**
 * The top-level TMF ProductOfferingPrice resource. Unlike the embedded form, TMF gives it `price: Money`
 * directly and names the period `recurringChargePeriodType`.
 */
const priceShape = {
    id: z.string().describe('e.g. PRICE_PLAN_M'),
    href: z.string(),
    name: z.string(),
    description: z.string().optional(),
    lifecycleStatus: z.string().describe('active | retired'),
    lastUpdate: z.string().describe('Business time of the last write (scenario clock)'),
    priceType: z.string().describe('recurring (the only type in use) or one_time'),
    recurringChargePeriodType: z.string().optional().describe('month (informational: the billing period is 30 days)'),
    recurringChargePeriodLength: z.number().int().optional(),
    price: Money,
    validFor: TimePeriod.optional().describe('Half-open [start, end); an omitted bound is open'),
    '@type': z.literal('ProductOfferingPrice'),
};
export const ProductOfferingPrice = z.object(priceShape).meta({ id: 'ProductOfferingPrice' });
export type ProductOfferingPrice = z.infer<typeof ProductOfferingPrice>;

/** A ProductOfferingPrice after a `fields` projection: only id, href and @type are guaranteed. */
export const ProductOfferingPriceFields = z
  .object(priceShape)
  .partial()
  .required({ id: true, href: true, '@type': true })
  .meta({ id: 'ProductOfferingPriceFields' });
export type ProductOfferingPriceFields = z.infer<typeof ProductOfferingPriceFields>;

const offeringShape = {
  id: z.string().describe('e.g. PLAN_M'),
  href: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
  isBundle: z.boolean().describe('Always false: no offering bundles other offerings (no bundledProductOffering)'),
  lastUpdate: z.string().describe('Business time of the last write (scenario clock)'),
  isSellable: z.boolean().optional(),
  lifecycleStatus: z.string().optional().describe('active | retired'),
  validFor: TimePeriod.optional().describe('Half-open [start, end); omitted when neither bound is set'),
  productSpecification: ProductSpecificationRef.optional(),
  productOfferingPrice: z.array(EmbeddedOfferingPrice).describe('Every price row of the offering, current or not'),
  prodSpecCharValueUse: z.array(AllowanceUse).describe('Bundle allowances: data, voice, sms, data_roaming'),
  '@type': z.literal('ProductOffering'),
};

/** A TMF620 ProductOffering with its prices and allowances. */
export const ProductOffering = z.object(offeringShape).meta({ id: 'ProductOffering' });
export type ProductOffering = z.infer<typeof ProductOffering>;

/** A ProductOffering after a `fields` projection: only id, href and @type are guaranteed. */
export const ProductOfferingFields = z
  .object(offeringShape)
  .partial()
  .required({ id: true, href: true, '@type': true })
  .meta({ id: 'ProductOfferingFields' });
export type ProductOfferingFields = z.infer<typeof ProductOfferingFields>;

/** Turns a TMF Money value back into the 2-dp decimal string used everywhere else (no arithmetic involved). */
export function decimalFromMoney(money: Money): string {
  return amountFromNumber(money.value);
}
