// Exact amount handling: normalisation of admin input and comparison without floats.
import { describe, expect, it } from 'vitest';
import { compareDecimal, isPositiveDecimal, moneyValue, normalizeAmount } from './money.ts';

describe('normalizeAmount', () => {
  it.each([
    ['25.00', '25.00'],
    ['25', '25'],
    [25, '25'],
    [19.9, '19.9'],
    [' 7.5 ', '7.5'],
    ['0.01', '0.01'],
  ])('accepts %j as %s', (input, out) => expect(normalizeAmount(input)).toBe(out));

  it.each(['25.001', '-1', '1e3', 'abc', '', '12345678901', 0.1 + 0.2, Number.NaN, Infinity, '1,00'])('rejects %j', (input) =>
    expect(normalizeAmount(input)).toBeUndefined(),
  );
});

describe('compareDecimal', () => {
  it('orders by value whatever the scale', () => {
    expect(compareDecimal('9.99', '10.00')).toBeLessThan(0);
    expect(compareDecimal('10.1', '10.09')).toBeGreaterThan(0);
    expect(compareDecimal('25', '25.00')).toBe(0);
    expect(compareDecimal('9999999999.99', '9999999999.98')).toBeGreaterThan(0);
  });
  it('knows zero is not positive', () => {
    expect(isPositiveDecimal('0.00')).toBe(false);
    expect(isPositiveDecimal('0.01')).toBe(true);
  });
  it('parses a stored amount into the TMF number', () => {
    expect(moneyValue('25.00')).toBe(25);
    expect(moneyValue('19.90')).toBe(19.9);
  });
});
