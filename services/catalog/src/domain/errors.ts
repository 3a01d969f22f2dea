// 404s of the catalog. The reason keeps the reference rule ids (`catalog.offering.not_found`, …) so callers
// branch on one id for reads and writes alike; `NotFound` from @bss/policy would give `offering.not_found`.
import { DomainError } from '@bss/policy';

const LABELS = {
  offering: ['ProductOffering', 'offeringId'],
  price: ['ProductOfferingPrice', 'priceId'],
  specification: ['ProductSpecification', 'specId'],
  vas_offering: ['VAS offering', 'vasId'],
} as const;

/** The addressed catalog entity does not exist (404 NOT_FOUND, reason `catalog.<entity>.not_found`). */
export class CatalogNotFound extends DomainError {
  readonly code = 'NOT_FOUND';
  readonly status = 404;
  override readonly name = 'NotFound';
  constructor(entity: keyof typeof LABELS, id: string) {
    const [label, key] = LABELS[entity];
    super(`catalog.${entity}.not_found`, `${label} ${id} not found`, { [key]: id });
  }
}
