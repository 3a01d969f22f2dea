import { describe, expect, it } from 'vitest';
import { consume, isExhausted, remainingOf } from './consumption.ts';

describe('consume', () => {
  it('decrements a limited balance by the usage while it fits', () => {
    expect(consume({ total: 100, consumed: 10 }, 30)).toEqual({ applied: 30, overage: 0, consumed: 40, remaining: 60 });
  });
  it('takes the usage that crosses zero down to exactly zero and records the rest as overage', () => {
    expect(consume({ total: 100, consumed: 90 }, 25)).toEqual({ applied: 10, overage: 15, consumed: 100, remaining: 0 });
  });
  it('lands exactly on zero without overage', () => {
    expect(consume({ total: 100, consumed: 90 }, 10)).toEqual({ applied: 10, overage: 0, consumed: 100, remaining: 0 });
  });
  it('applies nothing to an exhausted balance: all of it is overage', () => {
    expect(consume({ total: 100, consumed: 100 }, 5)).toEqual({ applied: 0, overage: 5, consumed: 100, remaining: 0 });
  });
  it('counts usage on an unlimited balance and never runs out', () => {
    expect(consume({ total: -1, consumed: 7 }, 5)).toEqual({ applied: 5, overage: 0, consumed: 12, remaining: -1 });
  });
  it('refuses a non-positive or fractional quantity', () => {
    expect(() => consume({ total: 10, consumed: 0 }, 0)).toThrow(RangeError);
    expect(() => consume({ total: 10, consumed: 0 }, 1.5)).toThrow(RangeError);
  });
  it('knows exhausted and remaining', () => {
    expect(isExhausted({ total: 0, consumed: 0 })).toBe(true);
    expect(isExhausted({ total: -1, consumed: 10 ** 9 })).toBe(false);
    expect(remainingOf({ total: 10, consumed: 4 })).toBe(6);
    expect(remainingOf({ total: -1, consumed: 4 })).toBe(-1);
  });
});
