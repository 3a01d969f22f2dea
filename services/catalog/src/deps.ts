// What the catalog's use-cases depend on; built from the Platform in service.ts (tests pass a test Platform).
import type { Clock } from '@bss/clock';
import type { Database } from '@bss/db';
import type { Outbox } from '@bss/events';
import type { Platform } from '@bss/server-kit';
import { catalogHrefs, type CatalogHrefs } from './domain/hrefs.ts';

export interface CatalogDeps {
  platform: Platform;
  database: Database;
  clock: Clock;
  /** Stages events into catalog.outbox. */
  outbox: Outbox;
  /** Absolute TMF hrefs from config.publicBaseUrl. */
  hrefs: CatalogHrefs;
}

/** Production deps from the platform. */
export function createDeps(platform: Platform): CatalogDeps {
  return {
    platform,
    database: platform.database,
    clock: platform.clock,
    outbox: platform.outbox,
    hrefs: catalogHrefs(platform.config.publicBaseUrl),
  };
}
