// 404s of the catalog. The reason keeps the reference rule ids (`catalog.offering.not_found`, …) so callers
// branch on one id for reads and writes alike.
import { NotFound } from '@bss/policy';

/** Label in the message and the entity stem of the context key (`offeringId`, `priceId`, `specId`, `vasId`). */
const LABELS = {
  offering: ['ProductOffering', 'offering'],
  price: ['ProductOfferingPrice', 'price'],
  specification: ['ProductSpecification', 'spec'],
  vas_offering: ['VAS offering', 'vas'],
} as const;

/** The addressed catalog entity does not exist (404 NOT_FOUND, reason `catalog.<entity>.not_found`). */
export function catalogNotFound(entity: keyof typeof LABELS, id: string): NotFound {
  const [label, stem] = LABELS[entity];
  return new NotFound(stem, id, {}, { reason: `catalog.${entity}.not_found`, message: `${label} ${id} not found` });
}
