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

export function priceAdded(offeringId: string, price: PriceRow, closedPriceIds: string[]): NewEvent {
  return base('catalog.price.added', offeringId, { ...priceFacts(price), closedPriceIds });
}

/** TMF POST productOffering: the offering as stored (no price or allowance rows are created with it). */
export function offeringCreated(o: OfferingRow, priceIds: readonly string[]): NewEvent {
  return base('catalog.offering.created', o.id, {
    name: o.name,
    specId: o.specId,
    isSellable: o.isSellable,
    lifecycleStatus: o.lifecycleStatus,
    validFrom: iso(o.validFrom),
    validTo: iso(o.validTo),
    priceIds: [...priceIds].sort(),
  });
}

/** TMF PATCH productOffering: which attributes changed, and the resulting row's key facts. */
export function offeringUpdated(before: OfferingRow, after: OfferingRow, attachedPriceIds: readonly string[]): NewEvent {
  return base('catalog.offering.updated', after.id, {
    name: after.name,
    specId: after.specId,
    isSellable: after.isSellable,
    lifecycleStatus: after.lifecycleStatus,
    previous: { validFrom: iso(before.validFrom), validTo: iso(before.validTo), lifecycleStatus: before.lifecycleStatus, isSellable: before.isSellable },
    validFrom: iso(after.validFrom),
    validTo: iso(after.validTo),
    retired: before.lifecycleStatus !== 'retired' && after.lifecycleStatus === 'retired',
    attachedPriceIds: [...attachedPriceIds].sort(),
  });
}

/** TMF DELETE productOffering (only ever of an offering that was never sellable). */
export function offeringDeleted(o: OfferingRow, detachedPriceIds: readonly string[]): NewEvent {
  return base('catalog.offering.deleted', o.id, { name: o.name, detachedPriceIds: [...detachedPriceIds].sort() });
}
