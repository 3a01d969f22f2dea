// Port to the subscription service: which subscription a line belongs to (the edge checks of every usage record).
// The subscription service (port 8006) is built in parallel; this adapter is written against its agreed route
// `GET /subscription-api/v1/subscription/by-msisdn/{msisdn}` → { id, customerId, state, offeringId, msisdn }.
import { createHttpClient, NotFoundError, type ClientOptions } from '@bss/clients';
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
