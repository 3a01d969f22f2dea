// What SOM's use-cases depend on: built from the Platform in service.ts. Inventory is the CRM's, over HTTP with
// the service's own `system` token (acting for the tenant of the event or request being handled).
import type { Clock } from '@bss/clock';
import { createInventoryClient, type InventoryClient } from '@bss/clients';
import type { Database } from '@bss/db';
import type { Outbox } from '@bss/events';
import { hrefBuilder, type Platform } from '@bss/server-kit';
import type { Logger } from '@bss/telemetry';

/** The inventory operations SOM uses (the typed CRM inventory client). */
export type Inventory = Pick<
  InventoryClient,
  'reserveNextMsisdn' | 'releaseMsisdn' | 'reserveEsim' | 'assignEsimMsisdn' | 'getEsim' | 'getEsimActivation' | 'releaseEsim' | 'recycleEsim'
>;

export interface SomDeps {
  platform: Platform;
  database: Database;
  clock: Clock;
  logger: Logger;
  outbox: Outbox;
  href: (collectionPath: string, id: string) => string;
  inventory: Inventory;
}

export type DepsOverrides = Partial<Pick<SomDeps, 'inventory'>>;

export function createDeps(platform: Platform, overrides: DepsOverrides = {}): SomDeps {
  const { config } = platform;
  return {
    platform,
    database: platform.database,
    clock: platform.clock,
    logger: platform.logger,
    outbox: platform.outbox,
    href: hrefBuilder(config.publicBaseUrl),
    inventory: overrides.inventory ?? createInventoryClient({ baseUrl: config.urls.crm, token: config.outboundToken }),
  };
}
