// Asks the order service (COM, TMF622) which of a customer's orders are still open (acknowledged or in
// progress); used by the customer DELETE guard. Behind an interface so tests swap in a fake (deps.orders).
import { createComClient } from '@bss/clients';
import type { ServiceConfig } from '@bss/config';

/** What CRM needs to know about a customer's orders. */
export interface OrderLookup {
  /** Ids of the customer's orders that are not yet completed, failed or cancelled. */
  openOrderIds(customerId: string): Promise<string[]>;
}

/** The production lookup over HTTP (`GET /com-api/v1/customer/{id}/open-orders`); COM down → 503, nothing deleted. */
export function httpOrderLookup(config: ServiceConfig<unknown>): OrderLookup {
  const client = createComClient({ baseUrl: config.urls.com, token: config.outboundToken });
  return { openOrderIds: (customerId) => client.listOpenByCustomer(customerId) };
}
