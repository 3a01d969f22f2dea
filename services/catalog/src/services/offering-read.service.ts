// Read use-cases of offerings and their prices (no policies on reads): pure selections over the in-memory
// catalog snapshot, so a warm read costs one version query whatever the catalog or page size.
import type { catalog } from '@bss/contracts';
import { PolicyViolation } from '@bss/policy';
import type { CatalogDeps } from '../deps.ts';
import { aggregateOf, paginate, pricesOf, selectOfferings, selectPrices, type OfferingFilter, type Page, type PriceFilter } from '../domain/catalog-view.ts';
import { catalogNotFound } from '../domain/errors.ts';
import { toTmfOffering, toTmfPrice } from '../domain/offering.mapper.ts';
import { isSellableAt, selectActivePrice } from '../domain/price-selection.ts';
import type { CatalogSnapshot } from '../domain/catalog-view.ts';
import type { OfferingRow } from '../schema.ts';
import type { CatalogSnapshots } from './catalog-snapshot.ts';

/** Offering reads for the TMF620 routes. */
export function createOfferingReads(deps: CatalogDeps, snapshots: CatalogSnapshots) {
  // TMF shapes are built once per offering per snapshot and then shared (never mutated: projection copies);
  // a superseded snapshot drops its shapes with it.
  const views = new WeakMap<CatalogSnapshot, Map<string, catalog.ProductOffering>>();
  function view(snapshot: CatalogSnapshot, row: OfferingRow): catalog.ProductOffering {
    let bySnapshot = views.get(snapshot);
    if (!bySnapshot) views.set(snapshot, (bySnapshot = new Map()));
    let shape = bySnapshot.get(row.id);
    if (!shape) bySnapshot.set(row.id, (shape = toTmfOffering(aggregateOf(snapshot, row), deps.hrefs)));
    return shape;
  }

  async function list(filter: OfferingFilter, page: Page): Promise<{ items: catalog.ProductOffering[]; total: number }> {
    const snapshot = await snapshots.current();
    const { rows, total } = paginate(selectOfferings(snapshot, filter), page);
    return { items: rows.map((o) => view(snapshot, o)), total };
  }

  async function get(offeringId: string): Promise<catalog.ProductOffering> {
    const snapshot = await snapshots.current();
    const row = snapshot.offeringById.get(offeringId);
    if (!row) throw catalogNotFound('offering', offeringId);
    return view(snapshot, row);
  }

  async function listPrices(filter: PriceFilter, page: Page): Promise<{ items: catalog.ProductOfferingPrice[]; total: number }> {
    const { rows, total } = paginate(selectPrices(await snapshots.current(), filter), page);
    return { items: rows.map((p) => toTmfPrice(p, deps.hrefs)), total };
  }

  async function getPrice(priceId: string): Promise<catalog.ProductOfferingPrice> {
    const row = (await snapshots.current()).priceById.get(priceId);
    if (!row) throw catalogNotFound('price', priceId);
    return toTmfPrice(row, deps.hrefs);
  }

  /**
   * The price to charge for `offeringId` at `at` (default: now on the scenario clock). 404 for an unknown
   * offering; 422 `catalog.price.no_active_row` when the offering is not sellable then or no price is active.
   */
  async function getActivePrice(offeringId: string, at: Date = deps.clock.now()): Promise<catalog.ProductOfferingPrice> {
    const snapshot = await snapshots.current();
    const offering = snapshot.offeringById.get(offeringId);
    if (!offering) throw catalogNotFound('offering', offeringId);
    const context = { offeringId, at: at.toISOString() };
    if (!isSellableAt(offering, at)) {
      throw new PolicyViolation('catalog.price.no_active_row', `offering ${offeringId} is not sellable at ${context.at}`, {
        ...context,
        cause: 'offering_not_sellable',
      });
    }
    const active = selectActivePrice(pricesOf(snapshot, offeringId), at);
    if (!active) {
      throw new PolicyViolation('catalog.price.no_active_row', `offering ${offeringId} has no active recurring price at ${context.at}`, {
        ...context,
        cause: 'no_price_in_window',
      });
    }
    return toTmfPrice(active, deps.hrefs);
  }

  return { list, get, listPrices, getPrice, getActivePrice };
}
export type OfferingReads = ReturnType<typeof createOfferingReads>;
