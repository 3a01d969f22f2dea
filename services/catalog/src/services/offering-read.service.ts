// Read use-cases of offerings and their prices (no policies on reads). Lists cost a fixed number of queries:
// one page + one count, then prices, allowances and specifications batch-loaded for the whole page.
import type { catalog } from '@bss/contracts';
import type { Executor } from '@bss/db';
import { PolicyViolation } from '@bss/policy';
import type { CatalogDeps } from '../deps.ts';
import { CatalogNotFound } from '../domain/errors.ts';
import { toTmfOffering, toTmfPrice, type OfferingAggregate } from '../domain/offering.mapper.ts';
import { isSellableAt, selectActivePrice } from '../domain/price-selection.ts';
import { listAllowancesOfOfferings } from '../repositories/allowance.repository.ts';
import { findOffering, listOfferings, type OfferingFilter, type Page } from '../repositories/offering.repository.ts';
import { findPrice, listPricesOfOfferings } from '../repositories/price.repository.ts';
import { listSpecificationsByIds } from '../repositories/specification.repository.ts';
import type { OfferingRow } from '../schema.ts';

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** Attaches prices, allowances and specs to offerings with three batched queries (none per offering). */
export async function loadAggregates(ex: Executor, offerings: readonly OfferingRow[]): Promise<OfferingAggregate[]> {
  const ids = offerings.map((o) => o.id);
  const specIds = [...new Set(offerings.map((o) => o.specId).filter((s): s is string => s !== null))];
  // Sequential on purpose: inside a transaction they share one connection, which must not be queried concurrently.
  const prices = await listPricesOfOfferings(ex, ids);
  const allowances = await listAllowancesOfOfferings(ex, ids);
  const specs = await listSpecificationsByIds(ex, specIds);
  const pricesBy = groupBy(prices, (p) => p.offeringId);
  const allowancesBy = groupBy(allowances, (a) => a.offeringId);
  const specsBy = new Map(specs.map((s) => [s.id, s]));
  return offerings.map((offering) => ({
    offering,
    spec: offering.specId ? specsBy.get(offering.specId) : undefined,
    prices: pricesBy.get(offering.id) ?? [],
    allowances: allowancesBy.get(offering.id) ?? [],
  }));
}

/** Offering reads for the TMF620 routes. */
export function createOfferingReads(deps: CatalogDeps) {
  const db = () => deps.database.db;

  async function list(filter: OfferingFilter, page: Page): Promise<{ items: catalog.ProductOffering[]; total: number }> {
    const { rows, total } = await listOfferings(db(), filter, page);
    const aggregates = await loadAggregates(db(), rows);
    return { items: aggregates.map((a) => toTmfOffering(a, deps.hrefs)), total };
  }

  async function get(offeringId: string): Promise<catalog.ProductOffering> {
    const row = await findOffering(db(), offeringId);
    if (!row) throw new CatalogNotFound('offering', offeringId);
    const [aggregate] = await loadAggregates(db(), [row]);
    return toTmfOffering(aggregate!, deps.hrefs);
  }

  async function getPrice(priceId: string): Promise<catalog.ProductOfferingPrice> {
    const row = await findPrice(db(), priceId);
    if (!row) throw new CatalogNotFound('price', priceId);
    return toTmfPrice(row, deps.hrefs);
  }

  /**
   * The price to charge for `offeringId` at `at` (default: now on the scenario clock). 404 for an unknown
   * offering; 422 `catalog.price.no_active_row` when the offering is not sellable then or no price is active.
   */
  async function getActivePrice(offeringId: string, at: Date = deps.clock.now()): Promise<catalog.ProductOfferingPrice> {
    const offering = await findOffering(db(), offeringId);
    if (!offering) throw new CatalogNotFound('offering', offeringId);
    const context = { offeringId, at: at.toISOString() };
    if (!isSellableAt(offering, at)) {
      throw new PolicyViolation('catalog.price.no_active_row', `offering ${offeringId} is not sellable at ${context.at}`, {
        ...context,
        cause: 'offering_not_sellable',
      });
    }
    const active = selectActivePrice(await listPricesOfOfferings(db(), [offeringId]), at);
    if (!active) {
      throw new PolicyViolation('catalog.price.no_active_row', `offering ${offeringId} has no active recurring price at ${context.at}`, {
        ...context,
        cause: 'no_price_in_window',
      });
    }
    return toTmfPrice(active, deps.hrefs);
  }

  return { list, get, getPrice, getActivePrice };
}
export type OfferingReads = ReturnType<typeof createOfferingReads>;
