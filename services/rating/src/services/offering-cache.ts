// The offerings rating reads, cached for a few seconds. Rating used to GET the offering from the catalog for
// every usage record, inside the consumer's transaction; at 1,000 records/s that was 1,000 catalog requests/s and
// a pooled connection held idle in its transaction for each. What rating takes from an offering only decides
// whether a usage can be rated (the allowance exists, its unit, the price's currency); the bucket is chosen by
// the usage's type and roaming flag, the quantity is the usage's own, and the line's balances — snapshotted at
// activation and renewal by the subscription service, which decrements them — are what is drawn down. So a
// tariff up to OFFERING_TTL_MS old is safe: an allowance edited in the catalog is seen by rating at most that
// long after the edit. The TTL runs on the operational wall clock, never a scenario's clock (a frozen scenario
// clock would keep a tariff forever). Unknown offerings are not cached (one created next is seen at once);
// concurrent misses for one offering share one request.
import { NotFoundError } from '@bss/clients';
import { systemClock, type Clock } from '@bss/clock';
import type { catalog } from '@bss/contracts';

/** How long a fetched offering is used for rating before it is fetched again. */
export const OFFERING_TTL_MS = 5_000;

export interface OfferingCache {
  /** The offering, or undefined when the catalog does not know it; unavailability propagates (transient). */
  get(offeringId: string): Promise<catalog.ProductOffering | undefined>;
}

export function createOfferingCache(fetch: (offeringId: string) => Promise<catalog.ProductOffering>, opts: { ttlMs?: number; clock?: Clock } = {}): OfferingCache {
  const ttlMs = opts.ttlMs ?? OFFERING_TTL_MS;
  const clock = opts.clock ?? systemClock;
  const fresh = new Map<string, { offering: catalog.ProductOffering; until: number }>();
  const inFlight = new Map<string, Promise<catalog.ProductOffering | undefined>>();

  async function load(offeringId: string): Promise<catalog.ProductOffering | undefined> {
    try {
      const offering = await fetch(offeringId);
      fresh.set(offeringId, { offering, until: clock.now().getTime() + ttlMs });
      return offering;
    } catch (err) {
      if (err instanceof NotFoundError) {
        fresh.delete(offeringId);
        return undefined;
      }
      throw err;
    } finally {
      inFlight.delete(offeringId);
    }
  }

  return {
    get(offeringId) {
      const hit = fresh.get(offeringId);
      if (hit && hit.until > clock.now().getTime()) return Promise.resolve(hit.offering);
      const pending = inFlight.get(offeringId) ?? load(offeringId);
      inFlight.set(offeringId, pending);
      return pending;
    },
  };
}
