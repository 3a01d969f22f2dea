// What the CRM service's use-cases depend on; built from the Platform in service.ts, from fakes in tests.
// Shared by the CRM core (customers, cases, tickets…) and the inventory/porting modules: add fields, never remove.
import type { Clock } from '@bss/clock';
import type { ServiceConfig } from '@bss/config';
import type { Database, Executor } from '@bss/db';
import type { Outbox } from '@bss/events';
import type { Platform } from '@bss/server-kit';
import type { Logger } from '@bss/telemetry';
import { httpOrderLookup, type OrderLookup } from './downstream/order.lookup.ts';
import { httpSubscriptionLookup, type SubscriptionLookup } from './downstream/subscription.lookup.ts';
import { findMsisdnAssignment } from './inventory/repositories/msisdn.repository.ts';

/** Who holds an MSISDN, as the inventory module reports it. */
export type MsisdnAssignmentFinder = (
  tx: Executor,
  msisdn: string,
) => Promise<{ msisdn: string; status: string; customerId: string | null; subscriptionId: string | null } | undefined>;

export interface CrmDeps {
  platform: Platform;
  config: ServiceConfig<unknown>;
  database: Database;
  clock: Clock;
  logger: Logger;
  /** Stages events into crm.outbox (inventory events too: one outbox per service). */
  outbox: Outbox;
  /** Live subscriptions of a customer (customer lifecycle policy); HTTP to the subscription service in production. */
  subscriptions: SubscriptionLookup;
  /** Open orders of a customer (customer DELETE guard); HTTP to the order service (COM) in production. */
  orders: OrderLookup;
  /** MSISDN → holder, for GET /crm-api/v1/customer/by-msisdn (the inventory module's repository in production). */
  findMsisdnAssignment: MsisdnAssignmentFinder;
  /**
   * HMAC key channels sign KYC attestations with (BSS_KYC_SIGNING_SECRET, required by the service's env schema).
   * Undefined only on platforms built without it (some tests): attestations then fail closed.
   */
  kycSigningSecret: string | undefined;
  /** Key of the stored KYC document hash (BSS_KYC_DOCUMENT_PEPPER, required by the env schema); undefined fails closed too. */
  kycDocumentPepper: string | undefined;
}

/** Production deps from the platform; `overrides` swap single parts (tests). */
export function createDeps(platform: Platform, overrides: Partial<CrmDeps> = {}): CrmDeps {
  const extra = (platform.config.extra ?? {}) as { BSS_KYC_SIGNING_SECRET?: string; BSS_KYC_DOCUMENT_PEPPER?: string };
  return {
    platform,
    config: platform.config,
    database: platform.database,
    clock: platform.clock,
    logger: platform.logger,
    outbox: platform.outbox,
    subscriptions: httpSubscriptionLookup(platform.config),
    orders: httpOrderLookup(platform.config),
    findMsisdnAssignment,
    kycSigningSecret: extra.BSS_KYC_SIGNING_SECRET,
    kycDocumentPepper: extra.BSS_KYC_DOCUMENT_PEPPER,
    ...overrides,
  };
}
