// Invariants of offering writes (add, window, retire). Pure: the service looks rows up and passes them in.
import { requirePolicy } from '@bss/policy';
import { isValidWindow, type Window } from '../domain/price-selection.ts';
import type { OfferingRow, SpecificationRow } from '../schema.ts';

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
