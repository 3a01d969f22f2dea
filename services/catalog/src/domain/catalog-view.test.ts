// Pure reads over the snapshot: id order, lifecycleStatus / activeAt filters, cheapest-price ordering applied
// before paging, lookups. No database.
import { describe, expect, it } from 'vitest';
import type { OfferingRow, PriceRow } from '../schema.ts';
import { aggregateOf, buildSnapshot, paginate, selectOfferings } from './catalog-view.ts';

const d = (s: string) => new Date(s);
const audit = { tenantId: 'DEFAULT', createdAt: d('2026-01-01T00:00:00Z'), updatedAt: d('2026-01-01T00:00:00Z') };
const offering = (id: string, extra: Partial<OfferingRow> = {}): OfferingRow => ({
  id,
  name: id,
  description: null,
  specId: 'SPEC',
  isSellable: true,
  wasSellable: true,
  lastUpdate: d('2026-01-01T00:00:00Z'),
  lifecycleStatus: 'active',
  validFrom: null,
  validTo: null,
  ...audit,
  ...extra,
});
const price = (id: string, offeringId: string, amount: string, extra: Partial<PriceRow> = {}): PriceRow => ({
  id,
  offeringId,
  name: id,
  description: null,
  lifecycleStatus: 'active',
  lastUpdate: d('2026-01-01T00:00:00Z'),
  priceType: 'recurring',
  recurringPeriodLength: 1,
  recurringPeriodType: 'month',
  amount,
  currency: 'SGD',
  validFrom: null,
  validTo: null,
  ...audit,
  ...extra,
});

const snapshot = buildSnapshot(7n, {
  offerings: [
    offering('PLAN_C'),
    offering('PLAN_A'),
    offering('PLAN_B'),
    offering('PLAN_OLD', { lifecycleStatus: 'retired', isSellable: false }),
    offering('PLAN_LATER', { validFrom: d('2026-07-01T00:00:00Z') }),
    offering('PLAN_NOPRICE'),
  ],
  prices: [
    price('P_A', 'PLAN_A', '100.00'),
    price('P_B', 'PLAN_B', '9.99'),
    price('P_C', 'PLAN_C', '10.1'),
    price('P_C_PROMO', 'PLAN_C', '9.99', { validFrom: d('2026-06-01T00:00:00Z'), validTo: d('2026-07-01T00:00:00Z') }),
    price('P_OLD', 'PLAN_OLD', '1.00'),
    price('P_LATER', 'PLAN_LATER', '1.00'),
  ],
  allowances: [],
  specifications: [{ id: 'SPEC', name: 'Spec', description: null, brand: null, lifecycleStatus: 'active', lastUpdate: d('2026-01-01T00:00:00Z'), ...audit }],
  vas: [],
});
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);

describe('selectOfferings', () => {
  it('lists every offering by id without a filter', () => {
    expect(snapshot.version).toBe(7n);
    expect(ids(selectOfferings(snapshot, {}))).toEqual(['PLAN_A', 'PLAN_B', 'PLAN_C', 'PLAN_LATER', 'PLAN_NOPRICE', 'PLAN_OLD']);
  });

  it('filters on lifecycleStatus, any value, case-insensitively', () => {
    expect(ids(selectOfferings(snapshot, { lifecycleStatus: 'retired' }))).toEqual(['PLAN_OLD']);
    expect(ids(selectOfferings(snapshot, { lifecycleStatus: 'Retired' }))).toEqual(['PLAN_OLD']);
    expect(ids(selectOfferings(snapshot, { lifecycleStatus: 'ACTIVE' }))).not.toContain('PLAN_OLD');
    expect(ids(selectOfferings(snapshot, { lifecycleStatus: 'In design' }))).toEqual([]);
  });

  it('with activeAt keeps the sellable ones, cheapest active price first (exact), ties → id, no price last', () => {
    const at = d('2026-06-15T00:00:00Z');
    // B 9.99 and C's promo 9.99 tie → id; A 100.00 after; no price last. Attribute filters narrow it further.
    expect(ids(selectOfferings(snapshot, { activeAt: at, lifecycleStatus: 'active' }))).toEqual(['PLAN_B', 'PLAN_C', 'PLAN_A', 'PLAN_NOPRICE']);
    expect(ids(selectOfferings(snapshot, { activeAt: at, lifecycleStatus: 'retired' }))).toEqual([]);
    // After the promo, C is 10.1: still cheaper than 100.00 (not a text compare), dearer than 9.99. LATER is sellable now.
    expect(ids(selectOfferings(snapshot, { activeAt: d('2026-07-01T00:00:00Z') }))).toEqual(['PLAN_LATER', 'PLAN_B', 'PLAN_C', 'PLAN_A', 'PLAN_NOPRICE']);
  });

  it('sorts before paging, so a page is a slice of the price-ordered list', () => {
    const ordered = selectOfferings(snapshot, { activeAt: d('2026-06-15T00:00:00Z') });
    expect(paginate(ordered, { offset: 1, limit: 2 })).toEqual({ rows: [ordered[1], ordered[2]], total: 4 });
    expect(paginate(ordered, { offset: 10, limit: 2 })).toEqual({ rows: [], total: 4 });
  });
});

describe('snapshot lookups', () => {
  it('groups prices by offering and attaches the spec', () => {
    const agg = aggregateOf(snapshot, snapshot.offeringById.get('PLAN_C')!);
    expect(ids(agg.prices)).toEqual(['P_C', 'P_C_PROMO']);
    expect(agg.spec?.name).toBe('Spec');
    expect(agg.allowances).toEqual([]);
    expect(snapshot.priceById.get('P_B')?.offeringId).toBe('PLAN_B');
    expect(Object.isFrozen(snapshot.offerings[0])).toBe(true);
  });
});
