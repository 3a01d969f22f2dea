// The tariff and the rating function, both pure. A tariff is what rating reads from a TMF620 offering: its bundle
// allowances (ProductOffering.prodSpecCharValueUse: `name` = allowance type, one value with quantity and
// unitOfMeasure) and the currency of its price. Rating maps the event type to the allowance it draws on (data →
// data, voice → voice, sms → sms; roaming data → data_roaming, roaming voice and sms stay on the home bundle),
// requires that allowance in the tariff and the usage's unit to be the allowance's, and consumes the quantity
// one to one at no charge (prepaid bundles: no tiering, no time of day, no overage price). Whether the balance
// still has room is the subscription service's decision when it decrements, not rating's.
import { normalizeAmount, type catalog, type usage } from '@bss/contracts';

/** What rating reads of an offering. */
export interface Tariff {
  offeringId: string;
  /** Currency of the price in force at the usage time (else the latest price's); null when the offering has none. */
  currency: string | null;
  allowances: { allowanceType: catalog.AllowanceType; quantity: number; unit: string }[];
}

/** The parts of a usage record rating looks at. */
export interface UsageToRate {
  eventType: usage.UsageEventType;
  quantity: number;
  unit: string;
  roaming: boolean;
}

export const RATING_RULES = {
  offeringMustExist: 'usage.rate.offering_must_exist',
  allowanceMustExist: 'usage.rate.allowance_must_exist',
  roamingAllowanceMustExist: 'usage.rate.roaming_allowance_must_exist',
  unitMatchesAllowance: 'usage.rate.unit_matches_allowance',
  priceMustExist: 'usage.rate.price_must_exist',
} as const;

/** A successful rating: the balance to decrement and by how much. */
export interface Rated {
  allowanceType: catalog.AllowanceType;
  consumedQuantity: number;
  chargeAmount: string;
  currency: string;
}

/** Why a usage cannot be rated: a rule id, a message and the facts. */
export interface Unratable {
  rule: string;
  message: string;
  context: Record<string, unknown>;
}

export type RatingOutcome = { ok: true; rated: Rated } | { ok: false; refusal: Unratable };

/** The home allowance of each event type. */
export const HOME_ALLOWANCE = { data: 'data', voice: 'voice', sms: 'sms' } as const satisfies Record<usage.UsageEventType, catalog.AllowanceType>;

/** Usage draws on prepaid allowances: it never costs money on its own. */
const NO_CHARGE = normalizeAmount('0');

const startsBy = (p: catalog.EmbeddedOfferingPrice, at: number) => !p.validFor?.startDateTime || Date.parse(p.validFor.startDateTime) <= at;
const endsAfter = (p: catalog.EmbeddedOfferingPrice, at: number) => !p.validFor?.endDateTime || Date.parse(p.validFor.endDateTime) > at;
const startOf = (p: catalog.EmbeddedOfferingPrice) => (p.validFor?.startDateTime ? Date.parse(p.validFor.startDateTime) : -Infinity);

/**
 * The tariff of `offering` at `at`. The currency is only a label on a zero charge, so a usage is not refused
 * because the price window moved: without a price in force, the latest-starting price names it.
 */
export function tariffOf(offering: catalog.ProductOffering, at: Date): Tariff {
  const t = at.getTime();
  const prices = offering.productOfferingPrice;
  const inForce = prices.find((p) => startsBy(p, t) && endsAfter(p, t));
  const latest = [...prices].sort((a, b) => startOf(b) - startOf(a))[0];
  return {
    offeringId: offering.id,
    currency: (inForce ?? latest)?.price.taxIncludedAmount.unit ?? null,
    allowances: offering.prodSpecCharValueUse.map((use) => ({
      allowanceType: use.name,
      quantity: use.productSpecCharacteristicValue[0]!.value,
      unit: use.productSpecCharacteristicValue[0]!.unitOfMeasure,
    })),
  };
}

/** The allowance a usage draws on: roaming data has its own bucket; roaming voice and sms use the home ones. */
export function allowanceFor(u: Pick<UsageToRate, 'eventType' | 'roaming'>): catalog.AllowanceType {
  return u.roaming && u.eventType === 'data' ? 'data_roaming' : HOME_ALLOWANCE[u.eventType];
}

const refuse = (rule: string, message: string, context: Record<string, unknown>): RatingOutcome => ({ ok: false, refusal: { rule, message, context } });

/** Rates `u` against `tariff` (no I/O). */
export function rateUsage(u: UsageToRate, tariff: Tariff): RatingOutcome {
  const allowanceType = allowanceFor(u);
  const allowance = tariff.allowances.find((a) => a.allowanceType === allowanceType);
  if (!allowance) {
    return allowanceType === 'data_roaming'
      ? refuse(RATING_RULES.roamingAllowanceMustExist, `offering ${tariff.offeringId} has no data_roaming allowance for roaming data`, { offeringId: tariff.offeringId, allowanceType })
      : refuse(RATING_RULES.allowanceMustExist, `offering ${tariff.offeringId} has no ${allowanceType} allowance`, { offeringId: tariff.offeringId, allowanceType });
  }
  if (u.unit !== allowance.unit) {
    return refuse(RATING_RULES.unitMatchesAllowance, `the ${allowanceType} allowance of ${tariff.offeringId} is in ${allowance.unit}, not ${u.unit}`, {
      offeringId: tariff.offeringId,
      allowanceType,
      unit: u.unit,
      allowanceUnit: allowance.unit,
    });
  }
  if (tariff.currency === null) return refuse(RATING_RULES.priceMustExist, `offering ${tariff.offeringId} has no price to take a currency from`, { offeringId: tariff.offeringId });
  return { ok: true, rated: { allowanceType, consumedQuantity: u.quantity, chargeAmount: NO_CHARGE, currency: tariff.currency } };
}
