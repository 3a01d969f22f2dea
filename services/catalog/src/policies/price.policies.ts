// Invariants of price writes. Pure: the service looks rows up and passes them in.
import { isPositiveAmount, parseAmount } from '@bss/contracts';
import { requirePolicy } from '@bss/policy';
import { isValidWindow, type Window } from '../domain/price-selection.ts';
import type { PriceRow } from '../schema.ts';

/**
 * `catalog.price.amount.invalid` (not an unsigned exact decimal with ≤ 10 integer and ≤ 2 fraction digits) and
 * `catalog.price.amount.positive` (must be > 0). Returns the canonical decimal string to store.
 */
export function requireValidAmount(input: string | number): string {
  // A price is unsigned: a negative amount is malformed here (invalid), zero is well-formed but not positive.
  const amount = parseAmount(input);
  requirePolicy(amount !== undefined && !amount.startsWith('-'), 'catalog.price.amount.invalid', 'amount must be a decimal with at most 2 fraction digits, e.g. "25.00"', {
    amount: String(input),
  });
  requirePolicy(isPositiveAmount(amount), 'catalog.price.amount.positive', 'amount must be greater than zero', { amount });
  return amount;
}

/** `catalog.price.already_exists` */
export function checkPriceAbsent(existing: PriceRow | undefined, priceId: string): void {
  requirePolicy(existing === undefined, 'catalog.price.already_exists', `price ${priceId} already exists`, {
    priceId,
    offeringId: existing?.offeringId ?? null,
  });
}

/** `catalog.price.window.invalid`: validTo, when both bounds are set, is after validFrom. */
export function checkPriceWindow(window: Window, priceId: string): void {
  requirePolicy(isValidWindow(window), 'catalog.price.window.invalid', 'validTo must be after validFrom', {
    priceId,
    validFrom: window.validFrom?.toISOString() ?? null,
    validTo: window.validTo?.toISOString() ?? null,
  });
}
