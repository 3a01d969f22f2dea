// Port to the subscription service: which subscription a line belongs to (the edge checks of every usage record).
// The subscription service (port 8006) is built in parallel; this adapter is written against its agreed route
// `GET /subscription-api/v1/subscription/by-msisdn/{msisdn}` → { id, customerId, state, offeringId, msisdn }.
import { createHttpClient, NotFoundError, type ClientOptions } from '@bss/clients';
import { currentContext } from '@bss/telemetry';
import { z } from 'zod';

/** What mediation needs to know about the line's subscription. */
export const LineSubscription = z.object({
  id: z.string(),
  customerId: z.string(),
  state: z.string().describe('pending | active | blocked | terminated (only active lines may use the network)'),
  offeringId: z.string(),
  msisdn: z.string(),
});
export type LineSubscription = z.infer<typeof LineSubscription>;

/** Finds the subscription holding a line; undefined when no subscription holds it. Unavailability propagates (503). */
export interface SubscriptionLookup {
  findByMsisdn(msisdn: string): Promise<LineSubscription | undefined>;
}

/** The HTTP adapter over the subscription service's by-msisdn route. */
export function createHttpSubscriptionLookup(opts: ClientOptions): SubscriptionLookup {
  const http = createHttpClient('subscription', opts);
  return {
    async findByMsisdn(msisdn) {
      try {
        return await http.request(LineSubscription, { method: 'GET', path: `/subscription-api/v1/subscription/by-msisdn/${encodeURIComponent(msisdn)}` });
      } catch (err) {
        if (err instanceof NotFoundError) return undefined;
        throw err;
      }
    },
  };
}

/**
 * Lets concurrent lookups of one line (per tenant) share one request: a lookup that arrives while another for the
 * same line is in flight takes its answer. Nothing is kept once the answer is in, so the answer a record is
 * checked against was read after the earliest of the joined lookups began — at most one lookup's time before
 * this record arrived, the same window every record already has between its lookup and its commit. Under load
 * (many records per line per lookup time) this is what keeps the subscription service from answering the same
 * question hundreds of times a second; at a low rate it changes nothing. (The shared request carries the first
 * caller's request id and trace: attribution only, the answer is the same for every caller of the tenant.)
 */
export function coalescingLookup(inner: SubscriptionLookup): SubscriptionLookup {
  const inFlight = new Map<string, Promise<LineSubscription | undefined>>();
  return {
    findByMsisdn(msisdn) {
      const key = `${currentContext().tenant}\u0000${msisdn}`;
      const pending = inFlight.get(key);
      if (pending) return pending;
      const lookup = inner.findByMsisdn(msisdn).finally(() => inFlight.delete(key));
      inFlight.set(key, lookup);
      return lookup;
    },
  };
}
