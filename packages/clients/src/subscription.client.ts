// Typed client of the subscription service (what other services need so far: a customer's subscriptions).
import { subscription } from '@bss/contracts';
import { z } from 'zod';
import { createHttpClient, type ClientOptions } from './http-client.ts';

/** Calls the subscription API. */
export interface SubscriptionClient {
  /** `GET /subscription-api/v1/subscription?customerId=`: every subscription of the customer. */
  listByCustomer(customerId: string): Promise<subscription.Subscription[]>;
}

/** Creates a subscription client. */
export function createSubscriptionClient(opts: ClientOptions): SubscriptionClient {
  const http = createHttpClient('subscription', opts);
  return {
    listByCustomer: (customerId) =>
      http.request(z.array(subscription.Subscription), { method: 'GET', path: '/subscription-api/v1/subscription', query: { customerId } }),
  };
}
