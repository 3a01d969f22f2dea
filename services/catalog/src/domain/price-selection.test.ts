// The active-price and sellability rules: windows half-open with open null bounds, lowest amount, ties → lowest id.
import { describe, expect, it } from 'vitest';
import { isSellableAt, isValidWindow, isWithinWindow, selectActivePrice, type PriceCandidate } from './price-selection.ts';

const d = (s: string) => new Date(s);
const price = (id: string, amount: string, from: string | null = null, to: string | null = null, priceType = 'recurring'): PriceCandidate => ({
  id,
  amount,
  priceType,
  validFrom: from ? d(from) : null,
  validTo: to ? d(to) : null,
});

describe('isWithinWindow', () => {
  const w = { validFrom: d('2026-01-01T00:00:00Z'), validTo: d('2026-02-01T00:00:00Z') };
  it('includes the start and excludes the end', () => {
    expect(isWithinWindow(w, d('2026-01-01T00:00:00Z'))).toBe(true);
    expect(isWithinWindow(w, d('2026-01-31T23:59:59.999Z'))).toBe(true);
    expect(isWithinWindow(w, d('2026-02-01T00:00:00Z'))).toBe(false);
    expect(isWithinWindow(w, d('2025-12-31T23:59:59.999Z'))).toBe(false);
  });
  it('treats null bounds as open', () => {
    expect(isWithinWindow({ validFrom: null, validTo: null }, d('1999-01-01T00:00:00Z'))).toBe(true);
    expect(isWithinWindow({ validFrom: null, validTo: d('2026-01-01T00:00:00Z') }, d('2025-06-01T00:00:00Z'))).toBe(true);
    expect(isWithinWindow({ validFrom: d('2026-01-01T00:00:00Z'), validTo: null }, d('2030-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('isValidWindow', () => {
  it('wants the end strictly after the start when both are set', () => {
    expect(isValidWindow({ validFrom: d('2026-01-02T00:00:00Z'), validTo: d('2026-01-01T00:00:00Z') })).toBe(false);
    expect(isValidWindow({ validFrom: d('2026-01-01T00:00:00Z'), validTo: d('2026-01-01T00:00:00Z') })).toBe(false);
    expect(isValidWindow({ validFrom: d('2026-01-01T00:00:00Z'), validTo: null })).toBe(true);
    expect(isValidWindow({ validFrom: null, validTo: null })).toBe(true);
  });
});

describe('selectActivePrice', () => {
  const at = d('2026-06-15T00:00:00Z');

  it('returns undefined when nothing is active', () => {
    expect(selectActivePrice([], at)).toBeUndefined();
    expect(selectActivePrice([price('P1', '10.00', '2026-07-01T00:00:00Z'), price('P2', '9.00', null, '2026-06-15T00:00:00Z')], at)).toBeUndefined();
  });

  it('picks the lowest amount among overlapping windows', () => {
    const prices = [
      price('BASE', '25.00'),
      price('PROMO', '19.90', '2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z'),
      price('LATER', '5.00', '2026-07-01T00:00:00Z'),
    ];
    expect(selectActivePrice(prices, at)?.id).toBe('PROMO');
    expect(selectActivePrice(prices, d('2026-07-01T00:00:00Z'))?.id).toBe('LATER');
    expect(selectActivePrice(prices, d('2026-05-31T23:59:59Z'))?.id).toBe('BASE');
  });

  it('compares amounts exactly, not as text or floats', () => {
    expect(selectActivePrice([price('A', '100.00'), price('B', '9.99')], at)?.id).toBe('B');
    expect(selectActivePrice([price('A', '10.1'), price('B', '10.09')], at)?.id).toBe('B');
  });

  it('breaks a tie on amount with the lowest id', () => {
    expect(selectActivePrice([price('PRICE_B', '25.00'), price('PRICE_A', '25.0'), price('PRICE_C', '25')], at)?.id).toBe('PRICE_A');
  });

  it('ignores non-recurring rows', () => {
    expect(selectActivePrice([price('FEE', '1.00', null, null, 'one_time'), price('R', '25.00')], at)?.id).toBe('R');
  });
});

describe('isSellableAt', () => {
  const at = d('2026-06-15T00:00:00Z');
  const offering = { isSellable: true, lifecycleStatus: 'active', validFrom: null, validTo: null };
  it('needs the sellable flag, an active lifecycle and the window', () => {
    expect(isSellableAt(offering, at)).toBe(true);
    expect(isSellableAt({ ...offering, isSellable: false }, at)).toBe(false);
    expect(isSellableAt({ ...offering, isSellable: null }, at)).toBe(false);
    expect(isSellableAt({ ...offering, lifecycleStatus: 'retired' }, at)).toBe(false);
    expect(isSellableAt({ ...offering, validTo: at }, at)).toBe(false);
    expect(isSellableAt({ ...offering, validFrom: d('2026-06-16T00:00:00Z') }, at)).toBe(false);
  });
});
