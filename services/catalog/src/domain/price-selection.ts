// Which price applies at a moment: the pure rules behind the active-price endpoint and the activeAt list.
// Windows are half-open [validFrom, validTo) with null bounds open; the lowest active amount wins, ties → lowest id.
import { compareAmounts } from '@bss/contracts';

/** A validity window; null bounds are open. */
export interface Window {
  validFrom: Date | null;
  validTo: Date | null;
}

/** The part of a price row the selection looks at. */
export interface PriceCandidate extends Window {
  id: string;
  priceType: string;
  amount: string;
  /** A retired price is never charged, whatever its window says. */
  lifecycleStatus?: string;
}

/** The part of an offering row that decides whether it is sellable. */
export interface SellableCandidate extends Window {
  isSellable: boolean | null;
  lifecycleStatus: string | null;
}

/** True when `at` lies inside the half-open window. */
export function isWithinWindow(window: Window, at: Date): boolean {
  const t = at.getTime();
  return (window.validFrom === null || window.validFrom.getTime() <= t) && (window.validTo === null || t < window.validTo.getTime());
}

/** True when the window is well-formed for operator input: the end, when both are set, is after the start. */
export function isValidWindow(window: Window): boolean {
  return window.validFrom === null || window.validTo === null || window.validTo.getTime() > window.validFrom.getTime();
}

/** Orders prices by amount (exactly), then by id in code-point order. */
export function comparePrices(a: PriceCandidate, b: PriceCandidate): number {
  return compareAmounts(a.amount, b.amount) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The recurring price in force at `at`: lowest amount among the rows whose window contains `at`, ties → lowest id. */
export function selectActivePrice<P extends PriceCandidate>(prices: readonly P[], at: Date): P | undefined {
  let best: P | undefined;
  for (const p of prices) {
    if (p.priceType !== 'recurring' || p.lifecycleStatus === 'retired' || !isWithinWindow(p, at)) continue;
    if (best === undefined || comparePrices(p, best) < 0) best = p;
  }
  return best;
}

/**
 * Sellable at `at`: flagged sellable, lifecycle active and inside the offering's own window. The same predicate
 * filters the activeAt list and gates the active price, so a retired offering never quotes a price (the
 * reference quoted one from any open price row, which let orders through for retired plans).
 */
export function isSellableAt(offering: SellableCandidate, at: Date): boolean {
  return offering.isSellable === true && offering.lifecycleStatus === 'active' && isWithinWindow(offering, at);
}
