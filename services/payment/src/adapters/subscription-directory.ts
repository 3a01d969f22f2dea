// Port to the subscription service: which of a customer's subscriptions still need a card on file.
// pending, active and blocked lines all renew or top up against the card, so they all count as live.
import { createSubscriptionClient, type ClientOptions, type SubscriptionClient } from '@bss/clients';

/** Subscription states that still depend on a payment method. */
export const LIVE_SUBSCRIPTION_STATES: readonly string[] = ['pending', 'active', 'blocked'];

/** Answers which subscriptions of a customer are live (not terminated). */
export interface SubscriptionDirectory {
  listLiveSubscriptionIds(customerId: string): Promise<string[]>;
}

/** SubscriptionDirectory over the subscription client; errors (5xx, timeout) propagate as 503. */
export function createSubscriptionDirectory(client: SubscriptionClient): SubscriptionDirectory {
  return {
    async listLiveSubscriptionIds(customerId) {
      const subscriptions = await client.listByCustomer(customerId);
      return subscriptions.filter((s) => LIVE_SUBSCRIPTION_STATES.includes(s.state)).map((s) => s.id);
    },
  };
}

/** Production directory from the subscription service's base URL. */
export function createHttpSubscriptionDirectory(opts: ClientOptions): SubscriptionDirectory {
  return createSubscriptionDirectory(createSubscriptionClient(opts));
}
