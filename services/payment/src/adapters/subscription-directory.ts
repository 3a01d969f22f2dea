// Port to the subscription service: which of a customer's subscriptions still need a card on file. "Live" is the
// shared definition in @bss/contracts (the same one CRM's customer-close guard uses).
import { createSubscriptionClient, type ClientOptions, type SubscriptionClient } from '@bss/clients';
import { subscription } from '@bss/contracts';

/** Answers which subscriptions of a customer are live (not terminated). */
export interface SubscriptionDirectory {
  listLiveSubscriptionIds(customerId: string): Promise<string[]>;
}

/** SubscriptionDirectory over the subscription client; errors (5xx, timeout) propagate as 503. */
export function createSubscriptionDirectory(client: SubscriptionClient): SubscriptionDirectory {
  return {
    async listLiveSubscriptionIds(customerId) {
      const subscriptions = await client.listByCustomer(customerId);
      return subscriptions.filter((s) => subscription.isLiveSubscription(s.state)).map((s) => s.id);
    },
  };
}

/** Production directory from the subscription service's base URL. */
export function createHttpSubscriptionDirectory(opts: ClientOptions): SubscriptionDirectory {
  return createSubscriptionDirectory(createSubscriptionClient(opts));
}
