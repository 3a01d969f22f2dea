// The typed clients an operation runs against, built once per CLI invocation or scenario run from the service URLs
// and the operator token. Operations only ever call these; they never build HTTP requests themselves.
import {
  createAdminClient,
  createCatalogClient,
  createComClient,
  createCrmClient,
  createInventoryClient,
  createMediationClient,
  createPaymentClient,
  createProvisioningClient,
  createSomClient,
  createSubscriptionClient,
  type AdminClient,
  type CatalogClient,
  type ComClient,
  type CrmClient,
  type InventoryClient,
  type MediationClient,
  type PaymentClient,
  type ProvisioningClient,
  type SomClient,
  type SubscriptionClient,
} from '@bss/clients';
import type { ServiceName } from '@bss/config';
import { FLEET } from './fleet.ts';

/** Where the services are and who is calling. */
export interface ClientSettings {
  urls: Partial<Record<ServiceName, string>>;
  token: string;
  actor: string;
  channel: string;
  timeoutMs?: number;
  /**
   * The shared KYC signing secret, when this caller is a trusted channel that may sign `prebaked` attestations (the
   * CLI on the operator's machine, scenarios). Without it `customer.attest_kyc` sends the caller's own signature.
   */
  kycSigningSecret?: string;
}

/** The clients of every built service plus one admin client per fleet member. */
export interface OperationClients {
  catalog: CatalogClient;
  crm: CrmClient;
  inventory: InventoryClient;
  payment: PaymentClient;
  com: ComClient;
  som: SomClient;
  provisioning: ProvisioningClient;
  subscription: SubscriptionClient;
  mediation: MediationClient;
  /** Admin (clock, reset) clients of the fleet, in fleet order. */
  admin: { service: ServiceName; reset: boolean; client: AdminClient }[];
  kycSigningSecret: string | undefined;
}

/** Thrown when a service's URL is not configured; names the setting. */
export class MissingSettingError extends Error {
  override readonly name = 'MissingSettingError';
  readonly setting: string;
  constructor(setting: string) {
    super(`${setting} is not set`);
    this.setting = setting;
  }
}

/** Builds the clients. A URL is checked when the client is first used, so `bss catalog list` needs only catalog's. */
export function createOperationClients(s: ClientSettings): OperationClients {
  const opts = (name: ServiceName) => {
    const baseUrl = s.urls[name];
    if (!baseUrl) throw new MissingSettingError(`BSS_${name.toUpperCase()}_URL`);
    return { baseUrl, token: s.token, actor: s.actor, channel: s.channel, ...(s.timeoutMs ? { timeoutMs: s.timeoutMs } : {}) };
  };
  const lazy = <T extends object>(make: () => T): T => {
    let made: T | undefined;
    return new Proxy({} as T, { get: (_t, key) => (made ??= make())[key as keyof T] });
  };
  return {
    catalog: lazy(() => createCatalogClient(opts('catalog'))),
    crm: lazy(() => createCrmClient(opts('crm'))),
    inventory: lazy(() => createInventoryClient(opts('crm'))),
    payment: lazy(() => createPaymentClient(opts('payment'))),
    com: lazy(() => createComClient(opts('com'))),
    som: lazy(() => createSomClient(opts('som'))),
    provisioning: lazy(() => createProvisioningClient(opts('provisioning-sim'))),
    subscription: lazy(() => createSubscriptionClient(opts('subscription'))),
    mediation: lazy(() => createMediationClient(opts('mediation'))),
    admin: FLEET.map((m) => ({ service: m.name, reset: m.reset, client: lazy(() => createAdminClient(m.name, opts(m.name))) })),
    kycSigningSecret: s.kycSigningSecret,
  };
}
