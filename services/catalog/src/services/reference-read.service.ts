// Read use-cases of the reference resources that have no writes: product specifications and VAS offerings.
import type { catalog } from '@bss/contracts';
import type { CatalogDeps } from '../deps.ts';
import { CatalogNotFound } from '../domain/errors.ts';
import { toTmfSpecification } from '../domain/specification.mapper.ts';
import { toVasOffering } from '../domain/vas.mapper.ts';
import type { Page } from '../repositories/offering.repository.ts';
import { findSpecification, listSpecifications } from '../repositories/specification.repository.ts';
import { findVas, listVas } from '../repositories/vas.repository.ts';

export function createReferenceReads(deps: CatalogDeps) {
  const db = () => deps.database.db;
  return {
    async listSpecifications(page: Page): Promise<{ items: catalog.ProductSpecification[]; total: number }> {
      const { rows, total } = await listSpecifications(db(), page);
      return { items: rows.map((r) => toTmfSpecification(r, deps.hrefs)), total };
    },
    async getSpecification(specId: string): Promise<catalog.ProductSpecification> {
      const row = await findSpecification(db(), specId);
      if (!row) throw new CatalogNotFound('specification', specId);
      return toTmfSpecification(row, deps.hrefs);
    },
    async listVas(page: Page): Promise<{ items: catalog.VasOffering[]; total: number }> {
      const { rows, total } = await listVas(db(), page);
      return { items: rows.map(toVasOffering), total };
    },
    async getVas(vasId: string): Promise<catalog.VasOffering> {
      const row = await findVas(db(), vasId);
      if (!row) throw new CatalogNotFound('vas_offering', vasId);
      return toVasOffering(row);
    },
  };
}
export type ReferenceReads = ReturnType<typeof createReferenceReads>;
