// Asks the subscription service which of a customer's subscriptions are still live (the shared definition in
// @bss/contracts, also used by payment's last-card rule); used by the customer lifecycle policy. Behind an
// interface so tests swap in a fake (deps.subscriptions).
import { createSubscriptionClient } from '@bss/clients';
import type { ServiceConfig } from '@bss/config';
import { subscription } from '@bss/contracts';

/** What CRM needs to know about a customer's subscriptions. */
export interface SubscriptionLookup {
  /** Ids of the customer's live subscriptions (`subscription.isLiveSubscription`: pending, active, blocked). */
  liveSubscriptionIds(customerId: string): Promise<string[]>;
}

/** The production lookup over HTTP (`GET /subscription-api/v1/subscription?customerId=`). */
export function httpSubscriptionLookup(config: ServiceConfig<unknown>): SubscriptionLookup {
  const client = createSubscriptionClient({ baseUrl: config.urls.subscription, token: config.outboundToken });
  return {
    async liveSubscriptionIds(customerId) {
      const subs = await client.listByCustomer(customerId);
      // v1.7 ignored `blocked`; a blocked subscription still holds a number and a renewal, so it counts too.
      return subs.filter((s) => subscription.isLiveSubscription(s.state)).map((s) => s.id);
    },
  };
}
