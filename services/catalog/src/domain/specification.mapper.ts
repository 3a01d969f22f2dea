// Rows → TMF620 ProductSpecification (unset attributes omitted).
import type { catalog } from '@bss/contracts';
import type { SpecificationRow } from '../schema.ts';
import type { CatalogHrefs } from './hrefs.ts';

/** The TMF ProductSpecification of a row. */
export function toTmfSpecification(row: SpecificationRow, hrefs: CatalogHrefs): catalog.ProductSpecification {
  return {
    id: row.id,
    href: hrefs.specification(row.id),
    ...(row.name !== null ? { name: row.name } : {}),
    ...(row.description !== null ? { description: row.description } : {}),
    ...(row.brand !== null ? { brand: row.brand } : {}),
    ...(row.lifecycleStatus !== null ? { lifecycleStatus: row.lifecycleStatus } : {}),
    lastUpdate: row.lastUpdate.toISOString(),
    '@type': 'ProductSpecification',
  };
}
