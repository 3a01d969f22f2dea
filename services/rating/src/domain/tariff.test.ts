// The rating function, exhaustively: every event type × roaming × unit × (the allowance it draws on present or
// absent) as a literal table, plus the tariff read from a TMF620 offering and its currency choice.
import type { catalog } from '@bss/contracts';
import { describe, expect, it } from 'vitest';
import { allowanceFor, rateUsage, tariffOf, type Tariff } from './tariff.ts';

const FULL: Tariff['allowances'] = [
  { allowanceType: 'data', quantity: 30720, unit: 'mb' },
  { allowanceType: 'voice', quantity: -1, unit: 'minutes' },
  { allowanceType: 'sms', quantity: 100, unit: 'count' },
  { allowanceType: 'data_roaming', quantity: 0, unit: 'mb' },
];

/** eventType, roaming, unit, target allowance present, expected allowance type or rule id. */
const TABLE: [eventType: 'data' | 'voice' | 'sms', roaming: boolean, unit: string, present: boolean, expected: string][] = [
  ['data', false, 'mb', true, 'data'],
  ['data', false, 'mb', false, 'usage.rate.allowance_must_exist'],
  ['data', false, 'minutes', true, 'usage.rate.unit_matches_allowance'],
  ['data', false, 'minutes', false, 'usage.rate.allowance_must_exist'],
  ['data', false, 'count', true, 'usage.rate.unit_matches_allowance'],
  ['data', false, 'count', false, 'usage.rate.allowance_must_exist'],
  ['data', true, 'mb', true, 'data_roaming'],
  ['data', true, 'mb', false, 'usage.rate.roaming_allowance_must_exist'],
  ['data', true, 'minutes', true, 'usage.rate.unit_matches_allowance'],
  ['data', true, 'minutes', false, 'usage.rate.roaming_allowance_must_exist'],
  ['data', true, 'count', true, 'usage.rate.unit_matches_allowance'],
  ['data', true, 'count', false, 'usage.rate.roaming_allowance_must_exist'],
  ['voice', false, 'mb', true, 'usage.rate.unit_matches_allowance'],
  ['voice', false, 'mb', false, 'usage.rate.allowance_must_exist'],
  ['voice', false, 'minutes', true, 'voice'],
  ['voice', false, 'minutes', false, 'usage.rate.allowance_must_exist'],
  ['voice', false, 'count', true, 'usage.rate.unit_matches_allowance'],
  ['voice', false, 'count', false, 'usage.rate.allowance_must_exist'],
  ['voice', true, 'mb', true, 'usage.rate.unit_matches_allowance'],
  ['voice', true, 'mb', false, 'usage.rate.allowance_must_exist'],
  ['voice', true, 'minutes', true, 'voice'],
  ['voice', true, 'minutes', false, 'usage.rate.allowance_must_exist'],
  ['voice', true, 'count', true, 'usage.rate.unit_matches_allowance'],
  ['voice', true, 'count', false, 'usage.rate.allowance_must_exist'],
  ['sms', false, 'mb', true, 'usage.rate.unit_matches_allowance'],
  ['sms', false, 'mb', false, 'usage.rate.allowance_must_exist'],
  ['sms', false, 'minutes', true, 'usage.rate.unit_matches_allowance'],
  ['sms', false, 'minutes', false, 'usage.rate.allowance_must_exist'],
  ['sms', false, 'count', true, 'sms'],
  ['sms', false, 'count', false, 'usage.rate.allowance_must_exist'],
  ['sms', true, 'mb', true, 'usage.rate.unit_matches_allowance'],
  ['sms', true, 'mb', false, 'usage.rate.allowance_must_exist'],
  ['sms', true, 'minutes', true, 'usage.rate.unit_matches_allowance'],
  ['sms', true, 'minutes', false, 'usage.rate.allowance_must_exist'],
  ['sms', true, 'count', true, 'sms'],
  ['sms', true, 'count', false, 'usage.rate.allowance_must_exist'],
];

describe('rateUsage', () => {
  it('the table covers every event type × roaming × unit × presence exactly once', () => {
    expect(new Set(TABLE.map((r) => r.slice(0, 4).join('|'))).size).toBe(3 * 2 * 3 * 2);
  });

  it.each(TABLE)('%s roaming=%s in %s, allowance present=%s → %s', (eventType, roaming, unit, present, expected) => {
    const target = allowanceFor({ eventType, roaming });
    const tariff: Tariff = { offeringId: 'PLAN_T', currency: 'SGD', allowances: present ? FULL : FULL.filter((a) => a.allowanceType !== target) };
    const outcome = rateUsage({ eventType, roaming, unit, quantity: 42 }, tariff);
    if (expected.startsWith('usage.rate.')) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.refusal).toMatchObject({ rule: expected, context: { offeringId: 'PLAN_T', allowanceType: target } });
    } else {
      expect(outcome).toEqual({ ok: true, rated: { allowanceType: expected, consumedQuantity: 42, chargeAmount: '0.00', currency: 'SGD' } });
    }
  });

  it('consumes the quantity one to one, whatever the allowance holds (unlimited, zero or plenty)', () => {
    for (const quantity of [1, 500, 1_000_000]) {
      const outcome = rateUsage({ eventType: 'voice', roaming: false, unit: 'minutes', quantity }, { offeringId: 'P', currency: 'EUR', allowances: FULL });
      expect(outcome).toEqual({ ok: true, rated: { allowanceType: 'voice', consumedQuantity: quantity, chargeAmount: '0.00', currency: 'EUR' } });
    }
    // a zero roaming bucket still rates: that it is empty is the subscription service's call at decrement time
    expect(rateUsage({ eventType: 'data', roaming: true, unit: 'mb', quantity: 5 }, { offeringId: 'P', currency: 'SGD', allowances: FULL }).ok).toBe(true);
  });

  it('refuses a tariff without a price to take the currency from', () => {
    const outcome = rateUsage({ eventType: 'sms', roaming: false, unit: 'count', quantity: 1 }, { offeringId: 'P', currency: null, allowances: FULL });
    expect(outcome).toMatchObject({ ok: false, refusal: { rule: 'usage.rate.price_must_exist' } });
  });
});

const price = (id: string, unit: string, validFor?: { startDateTime?: string; endDateTime?: string }): catalog.EmbeddedOfferingPrice => ({
  id,
  href: `http://x/${id}`,
  priceType: 'recurring',
  price: { taxIncludedAmount: { value: 25, unit } },
  ...(validFor ? { validFor } : {}),
  '@type': 'ProductOfferingPrice',
});
const offering = (prices: catalog.EmbeddedOfferingPrice[]): catalog.ProductOffering => ({
  id: 'PLAN_T',
  href: 'http://x/PLAN_T',
  isBundle: false,
  lastUpdate: '2026-01-01T00:00:00Z',
  productOfferingPrice: prices,
  prodSpecCharValueUse: [
    { name: 'data', valueType: 'integer', productSpecCharacteristicValue: [{ value: 5120, unitOfMeasure: 'mb', valueType: 'integer' }] },
    { name: 'voice', valueType: 'integer', productSpecCharacteristicValue: [{ value: -1, unitOfMeasure: 'minutes', valueType: 'integer' }] },
  ],
  '@type': 'ProductOffering',
});

describe('tariffOf', () => {
  it('reads the allowances from prodSpecCharValueUse', () => {
    expect(tariffOf(offering([price('P1', 'SGD')]), new Date('2026-06-01T00:00:00Z'))).toEqual({
      offeringId: 'PLAN_T',
      currency: 'SGD',
      allowances: [
        { allowanceType: 'data', quantity: 5120, unit: 'mb' },
        { allowanceType: 'voice', quantity: -1, unit: 'minutes' },
      ],
    });
  });

  it('takes the currency of the price in force at the usage time, else of the latest price, else none', () => {
    const prices = [price('OLD', 'SGD', { endDateTime: '2026-03-01T00:00:00Z' }), price('NEW', 'EUR', { startDateTime: '2026-03-01T00:00:00Z', endDateTime: '2026-09-01T00:00:00Z' })];
    expect(tariffOf(offering(prices), new Date('2026-02-01T00:00:00Z')).currency).toBe('SGD');
    expect(tariffOf(offering(prices), new Date('2026-03-01T00:00:00Z')).currency).toBe('EUR');
    expect(tariffOf(offering(prices), new Date('2026-12-01T00:00:00Z')).currency).toBe('EUR');
    expect(tariffOf(offering([]), new Date('2026-12-01T00:00:00Z')).currency).toBeNull();
  });
});
