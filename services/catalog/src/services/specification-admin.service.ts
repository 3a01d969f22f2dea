// Operator writes on product specifications through the TMF620 productSpecification door. One transaction per
// use-case (policies, row, outbox event); lastUpdate is the injected clock. lifecycleStatus is kept as sent:
// nothing in the catalog acts on a specification's lifecycle.
import { mintId, type catalog } from '@bss/contracts';
import type { CatalogDeps } from '../deps.ts';
import { toTmfSpecification } from '../domain/specification.mapper.ts';
import * as events from '../events/reference.events.ts';
import { checkSpecificationUnused } from '../policies/specification.policies.ts';
import { offeringsUsingSpecification } from '../repositories/offering.repository.ts';
import {
  deleteSpecification as deleteSpecificationRow,
  getSpecificationForUpdate,
  insertSpecification,
  updateSpecification,
} from '../repositories/specification.repository.ts';

export function createSpecificationAdmin(deps: CatalogDeps) {
  const { database, clock, outbox, hrefs } = deps;

  async function createSpecification(input: catalog.ProductSpecificationCreate): Promise<catalog.ProductSpecification> {
    return database.db.transaction(async (tx) => {
      const spec = await insertSpecification(tx, {
        id: mintId('PS'),
        name: input.name,
        description: input.description ?? null,
        brand: input.brand ?? null,
        lifecycleStatus: input.lifecycleStatus ?? null,
        lastUpdate: clock.now(),
      });
      await outbox.stage(tx, events.specificationCreated(spec));
      return toTmfSpecification(spec, hrefs);
    });
  }

  /** Merge-patch: omitted unchanged, null clears. */
  async function patchSpecification(specId: string, patch: catalog.ProductSpecificationPatch): Promise<catalog.ProductSpecification> {
    return database.db.transaction(async (tx) => {
      await getSpecificationForUpdate(tx, specId);
      const after = await updateSpecification(tx, specId, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.brand !== undefined ? { brand: patch.brand } : {}),
        ...(patch.lifecycleStatus !== undefined ? { lifecycleStatus: patch.lifecycleStatus } : {}),
        lastUpdate: clock.now(),
      });
      await outbox.stage(tx, events.specificationUpdated(after));
      return toTmfSpecification(after, hrefs);
    });
  }

  /** Refused while an offering points at it (`catalog.specification.delete.in_use`). */
  async function deleteSpecification(specId: string): Promise<void> {
    await database.db.transaction(async (tx) => {
      const before = await getSpecificationForUpdate(tx, specId);
      checkSpecificationUnused(specId, await offeringsUsingSpecification(tx, specId));
      await deleteSpecificationRow(tx, specId);
      await outbox.stage(tx, events.specificationDeleted(before));
    });
  }

  return { createSpecification, patchSpecification, deleteSpecification };
}
export type SpecificationAdmin = ReturnType<typeof createSpecificationAdmin>;
