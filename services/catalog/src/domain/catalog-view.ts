// The in-process catalog snapshot and the pure reads over it: offering selection (lifecycleStatus / activeAt,
// cheapest active price first, sorted BEFORE offset/limit), paging and lookups. No I/O, no clock.
import { compareAmounts } from '@bss/contracts';
import type { AllowanceRow, OfferingRow, PriceRow, SpecificationRow, VasRow } from '../schema.ts';
import type { OfferingAggregate } from './offering.mapper.ts';
import { isSellableAt, selectActivePrice } from './price-selection.ts';

/**
 * List filter: `activeAt` (sellable at that instant) orders by price and filters by sellability; the attribute
 * filters narrow either list. lifecycleStatus is TMF's free string, matched case-insensitively (`Active` finds
 * `active`; a value no row has finds nothing, never a 400).
 */
export interface OfferingFilter {
  lifecycleStatus?: string | undefined;
  name?: string | undefined;
  isSellable?: boolean | undefined;
  activeAt?: Date | undefined;
}

export interface PriceFilter {
  lifecycleStatus?: string | undefined;
  name?: string | undefined;
  priceType?: string | undefined;
}

export interface SpecificationFilter {
  lifecycleStatus?: string | undefined;
  name?: string | undefined;
  brand?: string | undefined;
}

/** Case-insensitive lifecycle match; an absent filter matches everything. */
export function lifecycleMatches(filter: string | undefined, value: string | null): boolean {
  return filter === undefined || (value !== null && value.toLowerCase() === filter.toLowerCase());
}
const equalsOrAny = <T>(filter: T | undefined, value: T | null) => filter === undefined || filter === value;

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
  /** Every price, attached or not, by id. */
  readonly prices: readonly PriceRow[];
  readonly priceById: ReadonlyMap<string, PriceRow>;
  readonly allowancesByOffering: ReadonlyMap<string, readonly AllowanceRow[]>;
  readonly specifications: readonly SpecificationRow[];
  readonly specificationById: ReadonlyMap<string, SpecificationRow>;
  readonly vas: readonly VasRow[];
  readonly vasById: ReadonlyMap<string, VasRow>;
}

/** Code-point order: deterministic whatever the database collation. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Rows by offering; rows attached to no offering (a price not yet listed by one) are left out. */
function groupBy<T extends { offeringId: string | null }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    if (row.offeringId === null) continue;
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
    prices,
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
  const matching = snapshot.offerings.filter(
    (o) => lifecycleMatches(filter.lifecycleStatus, o.lifecycleStatus) && equalsOrAny(filter.name, o.name) && equalsOrAny(filter.isSellable, o.isSellable),
  );
  const at = filter.activeAt;
  if (at) {
    const ranked = matching
      .filter((o) => isSellableAt(o, at))
      .map((offering) => ({ offering, amount: selectActivePrice(pricesOf(snapshot, offering.id), at)?.amount }));
    ranked.sort((a, b) => {
      if (a.amount !== undefined && b.amount !== undefined) return compareAmounts(a.amount, b.amount) || byId(a.offering, b.offering);
      if (a.amount !== b.amount) return a.amount === undefined ? 1 : -1;
      return byId(a.offering, b.offering);
    });
    return ranked.map((r) => r.offering);
  }
  return matching;
}

/** Prices matching `filter`, by id. */
export function selectPrices(snapshot: CatalogSnapshot, filter: PriceFilter): readonly PriceRow[] {
  return snapshot.prices.filter(
    (p) => lifecycleMatches(filter.lifecycleStatus, p.lifecycleStatus) && equalsOrAny(filter.name, p.name) && equalsOrAny(filter.priceType, p.priceType),
  );
}

/** Specifications matching `filter`, by id. */
export function selectSpecifications(snapshot: CatalogSnapshot, filter: SpecificationFilter): readonly SpecificationRow[] {
  return snapshot.specifications.filter(
    (s) => lifecycleMatches(filter.lifecycleStatus, s.lifecycleStatus) && equalsOrAny(filter.name, s.name) && equalsOrAny(filter.brand, s.brand),
  );
}
