// What the CRM service's use-cases depend on; built from the Platform in service.ts, from fakes in tests.
// Shared by the CRM core (customers, cases, tickets…) and the inventory/porting modules: add fields, never remove.
import type { Clock } from '@bss/clock';
import type { ServiceConfig } from '@bss/config';
import type { Database } from '@bss/db';
import type { Outbox } from '@bss/events';
import type { Platform } from '@bss/server-kit';
import type { Logger } from '@bss/telemetry';

export interface CrmDeps {
  platform: Platform;
  config: ServiceConfig<unknown>;
  database: Database;
  clock: Clock;
  logger: Logger;
  /** Stages events into crm.outbox (inventory events too: one outbox per service). */
  outbox: Outbox;
}

/** Production deps from the platform. */
export function createDeps(platform: Platform): CrmDeps {
  return {
    platform,
    config: platform.config,
    database: platform.database,
    clock: platform.clock,
    logger: platform.logger,
    outbox: platform.outbox,
  };
}
