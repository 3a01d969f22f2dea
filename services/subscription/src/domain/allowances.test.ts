// Allowances and the fallback price read from a TMF620 offering.
import type { catalog } from '@bss/contracts';
import { describe, expect, it } from 'vitest';
import { activeRecurringPrice, allowancesOf } from './allowances.ts';

const use = (name: catalog.AllowanceType, value: number, unitOfMeasure: string) => ({
  name,
  valueType: 'integer' as const,
  productSpecCharacteristicValue: [{ value, unitOfMeasure, valueType: 'integer' as const }],
});
const price = (id: string, value: number, validFor?: { startDateTime?: string; endDateTime?: string }, priceType = 'recurring') => ({
  id,
  href: `http://x/${id}`,
  priceType,
  price: { taxIncludedAmount: { unit: 'SGD', value } },
  ...(validFor ? { validFor } : {}),
  '@type': 'ProductOfferingPrice' as const,
});
const offering = (prices: ReturnType<typeof price>[], uses = [use('data', 30720, 'mb'), use('voice', -1, 'minutes')]) =>
  ({ id: 'PLAN_M', href: 'http://x', isBundle: false, lastUpdate: '2026-01-01T00:00:00Z', productOfferingPrice: prices, prodSpecCharValueUse: uses, '@type': 'ProductOffering' }) as catalog.ProductOffering;

describe('allowancesOf', () => {
  it('maps each characteristic use to one allowance, -1 kept as unlimited', () => {
    expect(allowancesOf(offering([]))).toEqual([
      { allowanceType: 'data', total: 30720, unit: 'mb' },
      { allowanceType: 'voice', total: -1, unit: 'minutes' },
    ]);
    expect(allowancesOf(offering([], [use('sms', 1, 'count'), use('sms', 2, 'count')]))).toEqual([{ allowanceType: 'sms', total: 1, unit: 'count' }]);
  });
});

describe('activeRecurringPrice', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  it('picks the lowest recurring price valid now, as an exact decimal', () => {
    const o = offering([price('P1', 30), price('P2', 25.5), price('OLD', 5, { endDateTime: '2026-06-01T00:00:00Z' }), price('LATER', 1, { startDateTime: '2026-07-01T00:00:00Z' }), price('ONCE', 2, undefined, 'one_time')]);
    expect(activeRecurringPrice(o, now)).toEqual({ priceId: 'P2', amount: '25.50', currency: 'SGD' });
  });
  it('is undefined when nothing recurring is valid now', () => {
    expect(activeRecurringPrice(offering([price('OLD', 5, { endDateTime: '2026-05-01T00:00:00Z' })]), now)).toBeUndefined();
  });
});
