// What payment's use-cases depend on: built from the Platform in service.ts, with fakes for the CRM and
// subscription ports in API tests.
import type { Clock } from '@bss/clock';
import type { Database } from '@bss/db';
import type { Outbox } from '@bss/events';
import { hrefBuilder, type Platform } from '@bss/server-kit';
import type { Logger } from '@bss/telemetry';
import { createCrmCustomerDirectory, type CustomerDirectory } from './adapters/customer-directory.ts';
import type { PaymentProvider } from './adapters/provider.ts';
import { resolveProvider } from './adapters/providers.ts';
import { createHttpSubscriptionDirectory, type SubscriptionDirectory } from './adapters/subscription-directory.ts';

export interface PaymentDeps {
  platform: Platform;
  database: Database;
  clock: Clock;
  logger: Logger;
  outbox: Outbox;
  href: (collectionPath: string, id: string) => string;
  provider: PaymentProvider;
  customers: CustomerDirectory;
  subscriptions: SubscriptionDirectory;
  /** How long a duplicate charge waits for an in-flight attempt with the same key before answering 409. */
  idempotencyWaitMs: number;
  /** Clock age after which the reconciler completes a pending attempt (BSS_PAYMENT_RECONCILE_AFTER_MS). */
  reconcileAfterMs: number;
  /** Wall-clock pause between reconciler passes (BSS_PAYMENT_RECONCILE_INTERVAL_MS). */
  reconcileIntervalMs: number;
}

/** The deps a test may swap; an `undefined` value keeps the production adapter. */
export type DepsOverrides = Partial<Pick<PaymentDeps, 'provider' | 'customers' | 'subscriptions' | 'idempotencyWaitMs'>>;

/** Production deps from the platform; `overrides` swaps ports (tests). Throws ConfigError on bad provider config. */
export function createDeps(platform: Platform, overrides: DepsOverrides = {}): PaymentDeps {
  const { config } = platform;
  const outbound = { token: config.outboundToken };
  const extra = config.extra as Record<string, unknown>;
  return {
    platform,
    database: platform.database,
    clock: platform.clock,
    logger: platform.logger,
    outbox: platform.outbox,
    href: hrefBuilder(config.publicBaseUrl),
    provider: overrides.provider ?? resolveProvider(extra, { clock: platform.clock }),
    customers: overrides.customers ?? createCrmCustomerDirectory({ ...outbound, baseUrl: config.urls.crm }),
    subscriptions: overrides.subscriptions ?? createHttpSubscriptionDirectory({ ...outbound, baseUrl: config.urls.subscription }),
    idempotencyWaitMs: overrides.idempotencyWaitMs ?? 15_000,
    reconcileAfterMs: (extra.BSS_PAYMENT_RECONCILE_AFTER_MS as number | undefined) ?? 300_000,
    reconcileIntervalMs: (extra.BSS_PAYMENT_RECONCILE_INTERVAL_MS as number | undefined) ?? 30_000,
  };
}
