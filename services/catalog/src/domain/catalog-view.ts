// The in-process catalog snapshot and the pure reads over it: offering selection (lifecycleStatus / activeAt,
// cheapest active price first, sorted BEFORE offset/limit), paging and lookups. No I/O, no clock.
import { compareAmounts } from '@bss/contracts';
import type { AllowanceRow, OfferingRow, PriceRow, SpecificationRow, VasRow } from '../schema.ts';
import type { OfferingAggregate } from './offering.mapper.ts';
import { isSellableAt, selectActivePrice } from './price-selection.ts';

/** List filter: `activeAt` (sellable at that instant) wins over `lifecycleStatus`. */
export interface OfferingFilter {
  lifecycleStatus?: string | undefined;
  activeAt?: Date | undefined;
}

export interface Page {
  offset: number;
  limit: number;
}

/** Every row a read needs, as loaded in one consistent transaction. */
export interface CatalogRows {
  offerings: readonly OfferingRow[];
  prices: readonly PriceRow[];
  allowances: readonly AllowanceRow[];
  specifications: readonly SpecificationRow[];
  vas: readonly VasRow[];
}

/** An immutable catalog at one version: id-ordered lists plus lookups. */
export interface CatalogSnapshot {
  readonly version: bigint;
  readonly offerings: readonly OfferingRow[];
  readonly offeringById: ReadonlyMap<string, OfferingRow>;
  readonly pricesByOffering: ReadonlyMap<string, readonly PriceRow[]>;
  readonly priceById: ReadonlyMap<string, PriceRow>;
  readonly allowancesByOffering: ReadonlyMap<string, readonly AllowanceRow[]>;
  readonly specifications: readonly SpecificationRow[];
  readonly specificationById: ReadonlyMap<string, SpecificationRow>;
  readonly vas: readonly VasRow[];
  readonly vasById: ReadonlyMap<string, VasRow>;
}

/** Code-point order: deterministic whatever the database collation. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function groupBy<T extends { offeringId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.offeringId);
    if (list) list.push(row);
    else out.set(row.offeringId, [row]);
  }
  return out;
}

const freezeAll = <T extends object>(rows: T[]): readonly T[] => Object.freeze(rows.map((r) => Object.freeze(r)));

/** Builds the snapshot; rows are copied, sorted by id and frozen so no request can alter a shared row. */
export function buildSnapshot(version: bigint, rows: CatalogRows): CatalogSnapshot {
  const offerings = freezeAll([...rows.offerings].sort(byId));
  const prices = freezeAll([...rows.prices].sort(byId));
  const allowances = freezeAll([...rows.allowances].sort(byId));
  const specifications = freezeAll([...rows.specifications].sort(byId));
  const vas = freezeAll([...rows.vas].sort(byId));
  return Object.freeze({
    version,
    offerings,
    offeringById: new Map(offerings.map((o) => [o.id, o])),
    pricesByOffering: groupBy(prices),
    priceById: new Map(prices.map((p) => [p.id, p])),
    allowancesByOffering: groupBy(allowances),
    specifications,
    specificationById: new Map(specifications.map((s) => [s.id, s])),
    vas,
    vasById: new Map(vas.map((v) => [v.id, v])),
  });
}

/** One page of an id-ordered list plus the total. */
export function paginate<T>(rows: readonly T[], page: Page): { rows: T[]; total: number } {
  return { rows: rows.slice(page.offset, page.offset + page.limit), total: rows.length };
}

/** The offering's prices (id order), empty when it has none. */
export function pricesOf(snapshot: CatalogSnapshot, offeringId: string): readonly PriceRow[] {
  return snapshot.pricesByOffering.get(offeringId) ?? [];
}

/** Everything the TMF shape of an offering embeds. */
export function aggregateOf(snapshot: CatalogSnapshot, offering: OfferingRow): OfferingAggregate {
  return {
    offering,
    spec: offering.specId ? snapshot.specificationById.get(offering.specId) : undefined,
    prices: [...pricesOf(snapshot, offering.id)],
    allowances: [...(snapshot.allowancesByOffering.get(offering.id) ?? [])],
  };
}

/**
 * The offerings matching `filter`, in list order: by id, or with activeAt only those sellable then, ordered by
 * their cheapest active recurring amount (exact decimal compare; none last), then id. Sorted before paging, so
 * a page is a slice of the price-ordered list.
 */
export function selectOfferings(snapshot: CatalogSnapshot, filter: OfferingFilter): readonly OfferingRow[] {
  const at = filter.activeAt;
  if (at) {
    const ranked = snapshot.offerings
      .filter((o) => isSellableAt(o, at))
      .map((offering) => ({ offering, amount: selectActivePrice(pricesOf(snapshot, offering.id), at)?.amount }));
    ranked.sort((a, b) => {
      if (a.amount !== undefined && b.amount !== undefined) return compareAmounts(a.amount, b.amount) || byId(a.offering, b.offering);
      if (a.amount !== b.amount) return a.amount === undefined ? 1 : -1;
      return byId(a.offering, b.offering);
    });
    return ranked.map((r) => r.offering);
  }
  if (filter.lifecycleStatus) return snapshot.offerings.filter((o) => o.lifecycleStatus === filter.lifecycleStatus);
  return snapshot.offerings;
}
