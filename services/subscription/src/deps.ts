// What the subscription use-cases depend on, built from the Platform: the database, clock and outbox, and the
// typed clients of the services an activation talks to (CRM customers and inventory, catalog, payment). Every
// outbound call uses the service's own `system` token (config.outboundToken) and carries the request context.
import { createCatalogClient, createInventoryClient, createPaymentClient, type InventoryClient, type PaymentClient } from '@bss/clients';
import type { Clock } from '@bss/clock';
import type { Database } from '@bss/db';
import type { Outbox } from '@bss/events';
import { hrefBuilder, type Platform } from '@bss/server-kit';
import type { Logger } from '@bss/telemetry';
import { createCrmCustomerDirectory, type CustomerDirectory } from './adapters/customer-directory.ts';

export interface SubscriptionDeps {
  platform: Platform;
  database: Database;
  clock: Clock;
  logger: Logger;
  outbox: Outbox;
  href: (collectionPath: string, id: string) => string;
  customers: CustomerDirectory;
  catalog: ReturnType<typeof createCatalogClient>;
  payment: PaymentClient;
  inventory: InventoryClient;
}

/** Production deps from the platform. */
export function createDeps(platform: Platform): SubscriptionDeps {
  const { config } = platform;
  const outbound = { token: config.outboundToken };
  return {
    platform,
    database: platform.database,
    clock: platform.clock,
    logger: platform.logger,
    outbox: platform.outbox,
    href: hrefBuilder(config.publicBaseUrl),
    customers: createCrmCustomerDirectory({ ...outbound, baseUrl: config.urls.crm }),
    catalog: createCatalogClient({ ...outbound, baseUrl: config.urls.catalog }),
    // A charge may wait for an in-flight attempt with the same key (payment holds it up to 15 s) before it
    // answers; a timeout here is a transient failure and the retry replays the same key.
    payment: createPaymentClient({ ...outbound, baseUrl: config.urls.payment, timeoutMs: 20_000 }),
    inventory: createInventoryClient({ ...outbound, baseUrl: config.urls.crm }),
  };
}
