// Exact decimal parsing and the positive-amount predicate.
import { describe, expect, it } from 'vitest';
import { isPositiveAmount, normalizeAmount } from './money.ts';

describe('money', () => {
  it('normalizes decimal strings to two decimals without floats', () => {
    expect(normalizeAmount('25')).toBe('25.00');
    expect(normalizeAmount('025.5')).toBe('25.50');
    expect(normalizeAmount('0.10')).toBe('0.10');
    expect(normalizeAmount('9999999999.99')).toBe('9999999999.99');
    expect(normalizeAmount('-0')).toBe('0.00');
    expect(normalizeAmount('-3.5')).toBe('-3.50');
  });

  it('refuses more than two decimals or non-numbers', () => {
    expect(() => normalizeAmount('1.005')).toThrow(RangeError);
    expect(() => normalizeAmount('1e3')).toThrow(RangeError);
  });

  it('knows strictly positive amounts', () => {
    expect(isPositiveAmount('0.01')).toBe(true);
    expect(isPositiveAmount('0.00')).toBe(false);
    expect(isPositiveAmount('-1')).toBe(false);
  });
});
