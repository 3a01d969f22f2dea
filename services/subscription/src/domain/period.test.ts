// The monthly period and the derived subscription id.
import { mintedIdPattern } from '@bss/contracts';
import { describe, expect, it } from 'vitest';
import { subscriptionIdForOrder } from './ids.ts';
import { monthlyPeriodEnd } from './period.ts';

const end = (iso: string) => monthlyPeriodEnd(new Date(iso)).toISOString();

describe('monthlyPeriodEnd', () => {
  it('adds one calendar month, keeping the time of day', () => {
    expect(end('2026-06-01T10:03:09.000Z')).toBe('2026-07-01T10:03:09.000Z');
    expect(end('2026-12-15T00:00:00.000Z')).toBe('2027-01-15T00:00:00.000Z');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(end('2026-01-31T08:00:00.000Z')).toBe('2026-02-28T08:00:00.000Z');
    expect(end('2028-01-31T08:00:00.000Z')).toBe('2028-02-29T08:00:00.000Z');
    expect(end('2026-03-31T23:59:59.999Z')).toBe('2026-04-30T23:59:59.999Z');
  });
});

describe('subscriptionIdForOrder', () => {
  it('is stable per (tenant, order), distinct otherwise, and shaped like a minted id', () => {
    const a = subscriptionIdForOrder('DEFAULT', 'ORD-1');
    expect(a).toMatch(mintedIdPattern('SUB'));
    expect(subscriptionIdForOrder('DEFAULT', 'ORD-1')).toBe(a);
    expect(subscriptionIdForOrder('DEFAULT', 'ORD-2')).not.toBe(a);
    expect(subscriptionIdForOrder('TENANT_B', 'ORD-1')).not.toBe(a);
  });
});
