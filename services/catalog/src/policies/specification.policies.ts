// Invariants of product specification writes. Pure: the service looks rows up and passes them in.
import { requirePolicy } from '@bss/policy';

/** `catalog.specification.delete.in_use`: offerings still point at the specification. */
export function checkSpecificationUnused(specId: string, offeringIds: readonly string[]): void {
  requirePolicy(offeringIds.length === 0, 'catalog.specification.delete.in_use', `product specification ${specId} is used by offerings`, {
    specId,
    offeringIds: [...offeringIds],
  });
}
