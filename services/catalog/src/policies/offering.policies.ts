// Invariants of offering writes (add, create, patch, window, retire, delete). Pure: the service looks rows up and passes them in.
import { requirePolicy } from '@bss/policy';
import { isValidWindow, type Window } from '../domain/price-selection.ts';
import type { OfferingRow, PriceRow, SpecificationRow } from '../schema.ts';

/** `catalog.offering.already_exists` */
export function checkOfferingAbsent(existing: OfferingRow | undefined, offeringId: string): void {
  requirePolicy(existing === undefined, 'catalog.offering.already_exists', `offering ${offeringId} already exists`, { offeringId });
}

/** `catalog.offering.spec_unknown`: the referenced product specification must exist. */
export function checkSpecExists(spec: SpecificationRow | undefined, specId: string): void {
  requirePolicy(spec !== undefined, 'catalog.offering.spec_unknown', `product specification ${specId} does not exist`, { specId });
}

/** `catalog.offering.window.invalid`: validTo, when both bounds are set, is after validFrom. */
export function checkOfferingWindow(window: Window, offeringId: string): void {
  requirePolicy(isValidWindow(window), 'catalog.offering.window.invalid', 'validTo must be after validFrom', {
    offeringId,
    validFrom: window.validFrom?.toISOString() ?? null,
    validTo: window.validTo?.toISOString() ?? null,
  });
}

/** `catalog.offering.already_retired` */
export function checkNotRetired(offering: OfferingRow): void {
  requirePolicy(offering.lifecycleStatus !== 'retired', 'catalog.offering.already_retired', `offering ${offering.id} is already retired`, {
    offeringId: offering.id,
  });
}

/** `catalog.offering.bundle.unsupported`: no offering bundles other offerings, so isBundle can only be false. */
export function checkNotBundle(isBundle: boolean | undefined): void {
  requirePolicy(isBundle !== true, 'catalog.offering.bundle.unsupported', 'bundles of offerings (isBundle: true, bundledProductOffering) are not supported', {
    isBundle: isBundle ?? null,
  });
}

/** `catalog.offering.sellable.retired`: a retired offering cannot be made sellable again. */
export function checkSellableOnlyWhenActive(isSellable: boolean, lifecycleStatus: string, offeringId: string): void {
  requirePolicy(!(isSellable && lifecycleStatus === 'retired'), 'catalog.offering.sellable.retired', `offering ${offeringId} is retired and cannot be sellable`, {
    offeringId,
  });
}

/**
 * `catalog.offering.delete.was_sellable`: an offering that was ever stored sellable may be referenced by orders
 * and subscriptions, so it is retired (PATCH lifecycleStatus / validFor), never deleted.
 */
export function checkOfferingDeletable(offering: OfferingRow): void {
  requirePolicy(!offering.wasSellable, 'catalog.offering.delete.was_sellable', `offering ${offering.id} has been sellable; retire it instead of deleting it`, {
    offeringId: offering.id,
  });
}

/**
 * Prices listed on an offering: every id exists (`catalog.offering.price_unknown`), none is attached to another
 * offering (`catalog.offering.price.attached_elsewhere`) and none already attached is dropped
 * (`catalog.offering.price.detach_refused`: a price once listed is retired through its own validFor, so the
 * offering's price history stays whole).
 */
export function checkPriceList(offeringId: string, requested: readonly string[], found: readonly PriceRow[], attachedNow: readonly string[]): void {
  const byId = new Map(found.map((p) => [p.id, p]));
  const unknown = requested.filter((id) => !byId.has(id));
  requirePolicy(unknown.length === 0, 'catalog.offering.price_unknown', `product offering price ${unknown.join(', ')} does not exist`, { offeringId, priceIds: unknown });
  const elsewhere = found.filter((p) => p.offeringId !== null && p.offeringId !== offeringId);
  requirePolicy(elsewhere.length === 0, 'catalog.offering.price.attached_elsewhere', 'a price belongs to one offering', {
    offeringId,
    priceIds: elsewhere.map((p) => p.id),
    attachedTo: elsewhere.map((p) => p.offeringId),
  });
  const dropped = attachedNow.filter((id) => !requested.includes(id));
  requirePolicy(dropped.length === 0, 'catalog.offering.price.detach_refused', 'attached prices stay listed; retire a price through its validFor or lifecycleStatus', {
    offeringId,
    priceIds: dropped,
  });
}
