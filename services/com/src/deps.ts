// What COM's use-cases depend on: built from the Platform in service.ts, with fakes for the CRM, catalog,
// payment and SOM ports in API tests.
import type { Clock } from '@bss/clock';
import type { Database } from '@bss/db';
import type { Outbox } from '@bss/events';
import { hrefBuilder, type Platform } from '@bss/server-kit';
import type { Logger } from '@bss/telemetry';
import { createCrmCustomerDirectory, type CustomerDirectory } from './adapters/customer-directory.ts';
import { createCatalogOfferingPricing, type OfferingPricing } from './adapters/offering-pricing.ts';
import { createHttpPaymentMethods, type PaymentMethods } from './adapters/payment-methods.ts';
import { createHttpSomGate, type SomGate } from './adapters/som-gate.ts';
import type { ComExtra } from './config.ts';

export interface ComDeps {
  platform: Platform;
  database: Database;
  clock: Clock;
  logger: Logger;
  outbox: Outbox;
  href: (collectionPath: string, id: string) => string;
  customers: CustomerDirectory;
  offerings: OfferingPricing;
  paymentMethods: PaymentMethods;
  som: SomGate;
  /** Clock minutes after submit at which an in-progress order is flagged stuck (BSS_COM_STUCK_AFTER_MINUTES). */
  stuckAfterMinutes: number;
  /** Wall-clock pause between sweeper passes (BSS_COM_SWEEP_INTERVAL_MS). */
  sweepIntervalMs: number;
}

/** The deps a test may swap. */
export type DepsOverrides = Partial<Pick<ComDeps, 'customers' | 'offerings' | 'paymentMethods' | 'som'>>;

/** Production deps from the platform; `overrides` swaps ports (tests). */
export function createDeps(platform: Platform, overrides: DepsOverrides = {}): ComDeps {
  const { config } = platform;
  const outbound = (baseUrl: string) => ({ token: config.outboundToken, baseUrl });
  const extra = (config.extra ?? {}) as ComExtra;
  return {
    platform,
    database: platform.database,
    clock: platform.clock,
    logger: platform.logger,
    outbox: platform.outbox,
    href: hrefBuilder(config.publicBaseUrl),
    customers: overrides.customers ?? createCrmCustomerDirectory(outbound(config.urls.crm)),
    offerings: overrides.offerings ?? createCatalogOfferingPricing(outbound(config.urls.catalog)),
    paymentMethods: overrides.paymentMethods ?? createHttpPaymentMethods(outbound(config.urls.payment)),
    som: overrides.som ?? createHttpSomGate(outbound(config.urls.som)),
    stuckAfterMinutes: extra.BSS_COM_STUCK_AFTER_MINUTES ?? 15,
    sweepIntervalMs: extra.BSS_COM_SWEEP_INTERVAL_MS ?? 60_000,
  };
}
