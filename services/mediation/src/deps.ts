// What mediation's use-cases depend on: built from the Platform in service.ts, with a fake subscription lookup
// in unit-level API tests.
import type { Clock } from '@bss/clock';
import type { Database } from '@bss/db';
import type { Outbox } from '@bss/events';
import { hrefBuilder, type Platform } from '@bss/server-kit';
import type { Logger } from '@bss/telemetry';
import { coalescingLookup, createHttpSubscriptionLookup, type SubscriptionLookup } from './adapters/subscription-lookup.ts';

export interface MediationDeps {
  platform: Platform;
  database: Database;
  clock: Clock;
  logger: Logger;
  outbox: Outbox;
  href: (collectionPath: string, id: string) => string;
  subscriptions: SubscriptionLookup;
}

/** The deps a test may swap. */
export type DepsOverrides = Partial<Pick<MediationDeps, 'subscriptions'>>;

export function createDeps(platform: Platform, overrides: DepsOverrides = {}): MediationDeps {
  const { config } = platform;
  return {
    platform,
    database: platform.database,
    clock: platform.clock,
    logger: platform.logger,
    outbox: platform.outbox,
    href: hrefBuilder(config.publicBaseUrl),
    subscriptions: coalescingLookup(overrides.subscriptions ?? createHttpSubscriptionLookup({ token: config.outboundToken, baseUrl: config.urls.subscription })),
  };
}
