// Rows → TMF620 ProductOffering / ProductOfferingPrice. TMF omits unset optional attributes, so nothing is null:
// open window bounds, a missing spec or an unknown sellable flag are simply left out.
import { amountToNumber, type catalog } from '@bss/contracts';
import type { AllowanceRow, OfferingRow, PriceRow, SpecificationRow } from '../schema.ts';
import { ALLOWANCE_ORDER } from './allowance.ts';
import type { CatalogHrefs } from './hrefs.ts';
import type { Window } from './price-selection.ts';

/** An offering with everything its TMF shape embeds. */
export interface OfferingAggregate {
  offering: OfferingRow;
  spec: SpecificationRow | undefined;
  prices: PriceRow[];
  allowances: AllowanceRow[];
}

/** TMF TimePeriod of a window, or undefined when neither bound is set. */
export function toTimePeriod(window: Window): catalog.TimePeriod | undefined {
  if (window.validFrom === null && window.validTo === null) return undefined;
  return {
    ...(window.validFrom ? { startDateTime: window.validFrom.toISOString() } : {}),
    ...(window.validTo ? { endDateTime: window.validTo.toISOString() } : {}),
  };
}

const money = (row: PriceRow): catalog.Money => ({ value: amountToNumber(row.amount), unit: row.currency });

/** The top-level TMF ProductOfferingPrice (price is a bare Money). */
export function toTmfPrice(row: PriceRow, hrefs: CatalogHrefs): catalog.ProductOfferingPrice {
  const validFor = toTimePeriod(row);
  return {
    id: row.id,
    href: hrefs.price(row.id),
    name: row.name,
    ...(row.description !== null ? { description: row.description } : {}),
    lifecycleStatus: row.lifecycleStatus,
    lastUpdate: row.lastUpdate.toISOString(),
    priceType: row.priceType,
    ...(row.recurringPeriodType !== null ? { recurringChargePeriodType: row.recurringPeriodType } : {}),
    ...(row.recurringPeriodLength !== null ? { recurringChargePeriodLength: row.recurringPeriodLength } : {}),
    price: money(row),
    ...(validFor ? { validFor } : {}),
    '@type': 'ProductOfferingPrice',
  };
}

/** A price embedded in an offering (TMF ProductOfferingPriceRefOrValue: amount under price.taxIncludedAmount). */
export function toEmbeddedPrice(row: PriceRow, hrefs: CatalogHrefs): catalog.EmbeddedOfferingPrice {
  const validFor = toTimePeriod(row);
  return {
    id: row.id,
    href: hrefs.price(row.id),
    priceType: row.priceType,
    ...(row.recurringPeriodType !== null ? { recurringChargePeriod: row.recurringPeriodType } : {}),
    ...(row.recurringPeriodLength !== null ? { recurringChargePeriodLength: row.recurringPeriodLength } : {}),
    price: { taxIncludedAmount: money(row) },
    ...(validFor ? { validFor } : {}),
    '@type': 'ProductOfferingPrice',
  };
}

/** An allowance as a TMF ProductSpecificationCharacteristicValueUse. */
export function toAllowanceUse(row: AllowanceRow): catalog.AllowanceUse {
  return {
    name: row.allowanceType as catalog.AllowanceType,
    valueType: 'integer',
    productSpecCharacteristicValue: [{ value: row.quantity, unitOfMeasure: row.unit, valueType: 'integer' }],
  };
}

const byStartThenId = (a: PriceRow, b: PriceRow) =>
  (a.validFrom?.getTime() ?? -Infinity) - (b.validFrom?.getTime() ?? -Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const allowanceRank = (row: AllowanceRow) => ALLOWANCE_ORDER.indexOf(row.allowanceType as catalog.AllowanceType);

/** The TMF ProductOffering of an aggregate; prices oldest window first, allowances data/voice/sms/roaming. */
export function toTmfOffering(agg: OfferingAggregate, hrefs: CatalogHrefs): catalog.ProductOffering {
  const { offering, spec } = agg;
  const validFor = toTimePeriod(offering);
  const specRef = offering.specId
    ? { id: offering.specId, href: hrefs.specification(offering.specId), ...(spec?.name ? { name: spec.name } : {}), '@type': 'ProductSpecificationRef' as const }
    : undefined;
  return {
    id: offering.id,
    href: hrefs.offering(offering.id),
    ...(offering.name !== null ? { name: offering.name } : {}),
    ...(offering.description !== null ? { description: offering.description } : {}),
    // No offering bundles other offerings (there is no bundledProductOffering): the allowances are
    // characteristics of one plan, so the truthful value is false (the reference said true).
    isBundle: false,
    lastUpdate: offering.lastUpdate.toISOString(),
    ...(offering.isSellable !== null ? { isSellable: offering.isSellable } : {}),
    ...(offering.lifecycleStatus !== null ? { lifecycleStatus: offering.lifecycleStatus } : {}),
    ...(validFor ? { validFor } : {}),
    ...(specRef ? { productSpecification: specRef } : {}),
    productOfferingPrice: [...agg.prices].sort(byStartThenId).map((p) => toEmbeddedPrice(p, hrefs)),
    prodSpecCharValueUse: [...agg.allowances].sort((a, b) => allowanceRank(a) - allowanceRank(b)).map(toAllowanceUse),
    '@type': 'ProductOffering',
  };
}
