import { describe, expect, it } from 'vitest';
import { consume, effectiveLevel, expiryTakeBack, isExhausted, remainingOf } from './consumption.ts';

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

describe('day pass and top-up expiry', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  it('a running day pass makes the balance unlimited; an ended one does not', () => {
    expect(effectiveLevel({ total: 100, consumed: 100, unlimitedUntil: new Date('2026-06-02T00:00:00Z') }, now)).toEqual({ total: -1, consumed: 100 });
    expect(effectiveLevel({ total: 100, consumed: 100, unlimitedUntil: now }, now)).toEqual({ total: 100, consumed: 100 });
    expect(effectiveLevel({ total: 100, consumed: 5, unlimitedUntil: null }, now)).toEqual({ total: 100, consumed: 5 });
  });
  it('an expiring top-up takes back its unused part only', () => {
    expect(expiryTakeBack({ total: 2000, consumed: 500 }, 1000)).toBe(1000);
    expect(expiryTakeBack({ total: 2000, consumed: 1700 }, 1000)).toBe(300);
    expect(expiryTakeBack({ total: 2000, consumed: 2000 }, 1000)).toBe(0);
    expect(expiryTakeBack({ total: -1, consumed: 0 }, 1000)).toBe(0);
  });
});

describe('a balance read past a top-up expiry', () => {
  it('shows the balance without the expired top-up before the sweep applies it', async () => {
    const { atNow } = await import('./subscription.mapper.ts');
    const b = { allowance_type: 'data' as const, total: 2024, consumed: 1500, unit: 'mb', period_start: '2026-06-01T00:00:00Z', period_end: '2026-07-01T00:00:00Z', unlimited_until: null };
    const topUps = [{ allowance_type: 'data' as const, quantity: 1000, expires_at: '2026-06-10T00:00:00Z' }];
    expect(atNow(b, topUps, new Date('2026-06-09T00:00:00Z')).total).toBe(2024);
    expect(atNow(b, topUps, new Date('2026-06-11T00:00:00Z')).total).toBe(1500);
    expect(atNow(b, [{ ...topUps[0]!, allowance_type: 'data_roaming' }], new Date('2026-06-11T00:00:00Z')).total).toBe(2024);
  });
});
