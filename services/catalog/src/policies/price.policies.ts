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

/** `catalog.price.amount.required`: TMF makes `price` optional, but a price without an amount cannot be charged. */
export function requireAmountGiven<T>(price: T | undefined): T {
  requirePolicy(price !== undefined, 'catalog.price.amount.required', 'price (value and unit) is required', {});
  return price!;
}

/** `catalog.price.period.not_recurring`: only a recurring price has a charge period. */
export function checkPeriodFitsType(priceType: string, period: { type?: string | undefined; length?: number | undefined }): void {
  requirePolicy(priceType === 'recurring' || (period.type === undefined && period.length === undefined), 'catalog.price.period.not_recurring', 'a one_time price has no recurring charge period', {
    priceType,
  });
}

/** What a client may repeat in a price patch but never change. */
export interface PriceTerms {
  amount?: string | undefined;
  currency?: string | undefined;
  priceType?: string | undefined;
  recurringPeriodType?: string | undefined;
  recurringPeriodLength?: number | undefined;
}

/**
 * `catalog.price.terms.immutable`: amount, currency, type and period never change on a price row. Orders keep
 * their own snapshot of the price they were sold at, but renewals read the row: a changed amount would reprice
 * every live subscription silently. A new price is a new row (admin add-price with retireCurrent, or POST).
 */
export function checkTermsUnchanged(before: PriceRow, terms: PriceTerms): void {
  const changed = (
    [
      ['price.value', terms.amount, before.amount],
      ['price.unit', terms.currency, before.currency],
      ['priceType', terms.priceType, before.priceType],
      ['recurringChargePeriodType', terms.recurringPeriodType, before.recurringPeriodType],
      ['recurringChargePeriodLength', terms.recurringPeriodLength, before.recurringPeriodLength],
    ] as const
  )
    .filter(([, wanted, stored]) => wanted !== undefined && wanted !== stored)
    .map(([name]) => name);
  requirePolicy(changed.length === 0, 'catalog.price.terms.immutable', `the charged terms of price ${before.id} never change; add a new price and retire this one`, {
    priceId: before.id,
    attributes: changed,
  });
}

/**
 * `catalog.price.delete.offering_was_sellable`: a price listed by an offering that has been sellable may be what
 * a subscription renews at; it is retired (validFor / lifecycleStatus), never deleted.
 */
export function checkPriceDeletable(price: PriceRow, offering: { id: string; wasSellable: boolean } | undefined): void {
  requirePolicy(offering === undefined || !offering.wasSellable, 'catalog.price.delete.offering_was_sellable', `price ${price.id} belongs to offering ${offering?.id ?? ''}, which has been sellable; retire the price instead`, {
    priceId: price.id,
    offeringId: offering?.id ?? null,
  });
}
