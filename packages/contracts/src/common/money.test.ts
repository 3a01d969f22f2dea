// The shared money rules: exact parsing into numeric(12,2), canonical formatting, comparison and addition on
// integer cents; floats, excess precision, exponents and overflow are refused rather than rounded.
import { describe, expect, it } from 'vitest';
import { addAmounts, amountFromNumber, amountToCents, amountToNumber, compareAmounts, isPositiveAmount, normalizeAmount, parseAmount } from './money.ts';

describe('parseAmount', () => {
  it.each([
    ['25', '25.00'],
    ['25.5', '25.50'],
    ['025.50', '25.50'],
    [' 7.5 ', '7.50'],
    ['0.01', '0.01'],
    ['-3.5', '-3.50'],
    ['-0', '0.00'],
    ['+4', '4.00'],
    ['9999999999.99', '9999999999.99'],
    ['00000000009999999999.99', '9999999999.99'],
    [25, '25.00'],
    [19.9, '19.90'],
    [-0.01, '-0.01'],
  ] as const)('reads %j as %s', (input, out) => expect(parseAmount(input)).toBe(out));

  it.each([
    ['1.005', 'scale > 2 is refused, never rounded'],
    ['25.001', 'scale > 2'],
    ['10000000000.00', '11 integer digits overflow numeric(12,2)'],
    ['-10000000000', 'negative overflow'],
    ['1e3', 'exponent'],
    ['1,00', 'separator'],
    ['.5', 'no integer digit'],
    ['5.', 'dangling point'],
    ['', 'empty'],
    ['abc', 'not a number'],
    ['--1', 'double sign'],
    [0.1 + 0.2, 'a float sum that is not an exact 2-dp decimal'],
    [Number.NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [1e21, 'a number printed with an exponent'],
  ] as const)('refuses %j (%s)', (input, _why) => expect(parseAmount(input)).toBeUndefined());

  it('throws RangeError from normalizeAmount for what parseAmount refuses', () => {
    expect(normalizeAmount('1')).toBe('1.00');
    expect(() => normalizeAmount('1.005')).toThrow(RangeError);
  });

  it('counts in integer cents', () => {
    expect(amountToCents('9999999999.99')).toBe(999999999999n);
    expect(amountToCents('-0.10')).toBe(-10n);
  });
});

describe('arithmetic and comparison', () => {
  it('compares by value whatever the scale, beyond float precision', () => {
    expect(compareAmounts('9.99', '10.00')).toBe(-1);
    expect(compareAmounts('10.1', '10.09')).toBe(1);
    expect(compareAmounts('25', '25.00')).toBe(0);
    expect(compareAmounts('9999999999.99', '9999999999.98')).toBe(1);
    expect(compareAmounts('-1', '0')).toBe(-1);
  });

  it('adds exactly (0.10 + 0.20 is 0.30) and refuses a sum outside numeric(12,2)', () => {
    expect(addAmounts('0.10', '0.20')).toBe('0.30');
    expect(addAmounts('19.90', '5.10', '-25')).toBe('0.00');
    expect(addAmounts('9999999999.98', '0.01')).toBe('9999999999.99');
    expect(addAmounts()).toBe('0.00');
    expect(() => addAmounts('9999999999.99', '0.01')).toThrow(RangeError);
    expect(() => addAmounts('1.005')).toThrow(RangeError);
  });

  it('knows strictly positive amounts', () => {
    expect(isPositiveAmount('0.01')).toBe(true);
    expect(isPositiveAmount('0.00')).toBe(false);
    expect(isPositiveAmount('-0')).toBe(false);
    expect(isPositiveAmount('-1')).toBe(false);
  });

  it('converts to and from the TMF Money.value number without arithmetic', () => {
    expect(amountToNumber('25.00')).toBe(25);
    expect(amountToNumber('19.90')).toBe(19.9);
    expect(amountToNumber('9999999999.99')).toBe(9999999999.99);
    expect(amountFromNumber(19.9)).toBe('19.90');
    expect(amountFromNumber(9999999999.99)).toBe('9999999999.99');
    expect(() => amountFromNumber(0.1 + 0.2)).toThrow(RangeError);
  });
});
