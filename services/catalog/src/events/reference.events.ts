// Domain events of TMF price and specification writes. A TMF price is its own resource (it may be listed by no
// offering), so its events are keyed by the price (the listing offering, if any, is in the payload); the admin
// add-price stays in the offering's history as catalog.price.added.
import type { NewEvent } from '@bss/events';
import type { PriceRow, SpecificationRow } from '../schema.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

function priceEvent(eventType: string, p: PriceRow, extra: Record<string, unknown> = {}): NewEvent {
  return {
    eventType,
    aggregateType: 'product_offering_price',
    aggregateId: p.id,
    payload: {
      priceId: p.id,
      offeringId: p.offeringId,
      name: p.name,
      lifecycleStatus: p.lifecycleStatus,
      priceType: p.priceType,
      amount: p.amount,
      currency: p.currency,
      validFrom: iso(p.validFrom),
      validTo: iso(p.validTo),
      ...extra,
    },
  };
}

export const priceCreated = (p: PriceRow) => priceEvent('catalog.price.created', p);
export const priceUpdated = (before: PriceRow, after: PriceRow) =>
  priceEvent('catalog.price.updated', after, {
    previous: { name: before.name, lifecycleStatus: before.lifecycleStatus, validFrom: iso(before.validFrom), validTo: iso(before.validTo) },
  });
export const priceDeleted = (p: PriceRow) => priceEvent('catalog.price.deleted', p);

function specificationEvent(eventType: string, s: SpecificationRow): NewEvent {
  return {
    eventType,
    aggregateType: 'product_specification',
    aggregateId: s.id,
    payload: { specId: s.id, name: s.name, brand: s.brand, lifecycleStatus: s.lifecycleStatus },
  };
}

export const specificationCreated = (s: SpecificationRow) => specificationEvent('catalog.specification.created', s);
export const specificationUpdated = (s: SpecificationRow) => specificationEvent('catalog.specification.updated', s);
export const specificationDeleted = (s: SpecificationRow) => specificationEvent('catalog.specification.deleted', s);
