// Read use-cases of the reference resources: product specifications and VAS offerings,
// served from the in-memory catalog snapshot (one version query per read).
import type { catalog } from '@bss/contracts';
import type { CatalogDeps } from '../deps.ts';
import { paginate, selectSpecifications, type Page, type SpecificationFilter } from '../domain/catalog-view.ts';
import { catalogNotFound } from '../domain/errors.ts';
import { toTmfSpecification } from '../domain/specification.mapper.ts';
import { toVasOffering } from '../domain/vas.mapper.ts';
import type { CatalogSnapshots } from './catalog-snapshot.ts';

export function createReferenceReads(deps: CatalogDeps, snapshots: CatalogSnapshots) {
  return {
    async listSpecifications(filter: SpecificationFilter, page: Page): Promise<{ items: catalog.ProductSpecification[]; total: number }> {
      const { rows, total } = paginate(selectSpecifications(await snapshots.current(), filter), page);
      return { items: rows.map((r) => toTmfSpecification(r, deps.hrefs)), total };
    },
    async getSpecification(specId: string): Promise<catalog.ProductSpecification> {
      const row = (await snapshots.current()).specificationById.get(specId);
      if (!row) throw catalogNotFound('specification', specId);
      return toTmfSpecification(row, deps.hrefs);
    },
    async listVas(page: Page): Promise<{ items: catalog.VasOffering[]; total: number }> {
      const { rows, total } = paginate((await snapshots.current()).vas, page);
      return { items: rows.map(toVasOffering), total };
    },
    async getVas(vasId: string): Promise<catalog.VasOffering> {
      const row = (await snapshots.current()).vasById.get(vasId);
      if (!row) throw catalogNotFound('vas_offering', vasId);
      return toVasOffering(row);
    },
  };
}
export type ReferenceReads = ReturnType<typeof createReferenceReads>;
