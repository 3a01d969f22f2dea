// The bundle an offering grants, read from the catalog's TMF620 offering: each `prodSpecCharValueUse` entry
// names an allowance type and carries one integer value with its unit (-1 = unlimited).
import { catalog, type subscription } from '@bss/contracts';

/** One allowance of the plan. */
export interface Allowance {
  allowanceType: subscription.AllowanceType;
  total: number;
  unit: string;
}

/** The offering's allowances, one per type (the first value wins if the catalog ever listed a type twice). */
export function allowancesOf(offering: catalog.ProductOffering): Allowance[] {
  const seen = new Map<string, Allowance>();
  for (const use of offering.prodSpecCharValueUse) {
    const value = use.productSpecCharacteristicValue[0];
    if (!value || seen.has(use.name)) continue;
    seen.set(use.name, { allowanceType: use.name, total: value.value, unit: value.unitOfMeasure });
  }
  return [...seen.values()];
}

/** The price an order without a snapshot is charged: the offering's recurring price valid at `now`. */
export function activeRecurringPrice(offering: catalog.ProductOffering, now: Date): { priceId: string; amount: string; currency: string } | undefined {
  const t = now.getTime();
  const valid = offering.productOfferingPrice.filter((p) => {
    if (p.priceType !== 'recurring') return false;
    const start = p.validFor?.startDateTime ? Date.parse(p.validFor.startDateTime) : -Infinity;
    const end = p.validFor?.endDateTime ? Date.parse(p.validFor.endDateTime) : Infinity;
    return start <= t && t < end;
  });
  // the lowest, as COM snapshots an order (comparing, not computing: the amount itself is re-read exactly)
  valid.sort((a, b) => a.price.taxIncludedAmount.value - b.price.taxIncludedAmount.value);
  const p = valid[0];
  return p && { priceId: p.id, amount: catalog.decimalFromMoney(p.price.taxIncludedAmount), currency: p.price.taxIncludedAmount.unit };
}
