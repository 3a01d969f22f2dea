// Domain events of catalog writes. All carry aggregateType `product_offering` and the offering id, so an
// offering's history (including its prices) is one audit query: GET /audit-api/v1/events?aggregateId=<id>.
import type { NewEvent } from '@bss/events';
import type { AllowanceRow, OfferingRow, PriceRow } from '../schema.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const base = (eventType: string, offeringId: string, payload: Record<string, unknown>): NewEvent => ({
  eventType,
  aggregateType: 'product_offering',
  aggregateId: offeringId,
  payload: { offeringId, ...payload },
});

const priceFacts = (p: PriceRow) => ({
  priceId: p.id,
  amount: p.amount,
  currency: p.currency,
  validFrom: iso(p.validFrom),
  validTo: iso(p.validTo),
});

export function offeringAdded(o: OfferingRow, price: PriceRow, allowances: AllowanceRow[]): NewEvent {
  return base('catalog.offering.added', o.id, {
    name: o.name,
    specId: o.specId,
    validFrom: iso(o.validFrom),
    validTo: iso(o.validTo),
    price: priceFacts(price),
    allowances: allowances.map((a) => ({ allowanceType: a.allowanceType, quantity: a.quantity, unit: a.unit })),
  });
}

export function offeringWindowChanged(before: OfferingRow, after: OfferingRow): NewEvent {
  return base('catalog.offering.window_changed', after.id, {
    previous: { validFrom: iso(before.validFrom), validTo: iso(before.validTo) },
    validFrom: iso(after.validFrom),
    validTo: iso(after.validTo),
    retired: before.lifecycleStatus !== 'retired' && after.lifecycleStatus === 'retired',
  });
}

export function offeringRetired(o: OfferingRow): NewEvent {
  return base('catalog.offering.retired', o.id, { validTo: iso(o.validTo) });
}

export function priceAdded(price: PriceRow, closedPriceIds: string[]): NewEvent {
  return base('catalog.price.added', price.offeringId, { ...priceFacts(price), closedPriceIds });
}
