// Attaches prices, allowances and the spec to offerings inside a write transaction (the admin answer must see
// its own uncommitted rows, which the committed in-memory snapshot cannot).
import type { Executor } from '@bss/db';
import type { OfferingAggregate } from '../domain/offering.mapper.ts';
import { listAllowancesOfOfferings } from '../repositories/allowance.repository.ts';
import { listPricesOfOfferings } from '../repositories/price.repository.ts';
import { listSpecificationsByIds } from '../repositories/specification.repository.ts';
import type { OfferingRow, PriceRow } from '../schema.ts';

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

/** Three batched queries (none per offering). */
export async function loadAggregates(ex: Executor, offerings: readonly OfferingRow[]): Promise<OfferingAggregate[]> {
  const ids = offerings.map((o) => o.id);
  const specIds = [...new Set(offerings.map((o) => o.specId).filter((s): s is string => s !== null))];
  // Sequential on purpose: inside a transaction they share one connection, which must not be queried concurrently.
  const prices: PriceRow[] = await listPricesOfOfferings(ex, ids);
  const allowances = await listAllowancesOfOfferings(ex, ids);
  const specs = await listSpecificationsByIds(ex, specIds);
  const pricesBy = groupBy(prices);
  const allowancesBy = groupBy(allowances);
  const specsBy = new Map(specs.map((s) => [s.id, s]));
  return offerings.map((offering) => ({
    offering,
    spec: offering.specId ? specsBy.get(offering.specId) : undefined,
    prices: pricesBy.get(offering.id) ?? [],
    allowances: allowancesBy.get(offering.id) ?? [],
  }));
}
