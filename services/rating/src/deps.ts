// What rating's use-cases depend on: the platform and the catalog (TMF620 offerings), a real HTTP client in
// production and in tests alike (tests point it at a real catalog started by the fleet).
import { createCatalogClient, type CatalogClient } from '@bss/clients';
import type { Clock } from '@bss/clock';
import type { Outbox } from '@bss/events';
import type { Platform } from '@bss/server-kit';
import type { Logger } from '@bss/telemetry';

export interface RatingDeps {
  platform: Platform;
  clock: Clock;
  logger: Logger;
  outbox: Outbox;
  catalog: Pick<CatalogClient, 'getOffering'>;
  /** The consumer's offering cache (TTL and its clock); tests shorten or drive it. */
  offeringCache?: { ttlMs?: number; clock?: Clock };
}

/** The catalog call sits inside the consumer's transaction, so it is bounded tighter than the default. */
const CATALOG_TIMEOUT_MS = 2_000;

export function createDeps(platform: Platform): RatingDeps {
  const { config } = platform;
  return {
    platform,
    clock: platform.clock,
    logger: platform.logger,
    outbox: platform.outbox,
    catalog: createCatalogClient({ baseUrl: config.urls.catalog, token: config.outboundToken, timeoutMs: CATALOG_TIMEOUT_MS }),
  };
}
