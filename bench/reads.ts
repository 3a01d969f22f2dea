// The reads `make bench` measures beside the floor, one entry each. A service being built adds its reads here:
// `service` names the module (a row reads "not measured: service not built" until services/<service> is part
// of the fleet), and `path` turns the data bench/seed.ts created into the URL to load.
import type { ServiceName } from '@bss/config';
import type { Seeded } from './seed.ts';

export interface ReadEntry {
  name: string;
  service: ServiceName;
  /** The path to load, from the seeded data; absent = the entry waits for its service's author. */
  path?: (seeded: Seeded) => string;
}

/** Targets of every read, each against the floor measured right before it (issue #13 §3). */
export const READ_TARGETS = { p99Ratio: 1.5, rpsRatio: 0.67 };

export const READS: ReadEntry[] = [
  { name: 'crm: GET customer/{id}', service: 'crm', path: (s) => `/tmf-api/customerManagement/v4/customer/${s.customerId}` },
  { name: 'crm: GET customer?limit=20', service: 'crm', path: () => '/tmf-api/customerManagement/v4/customer?limit=20' },
  { name: 'crm: GET resource?limit=20', service: 'crm', path: () => '/tmf-api/resourceInventoryManagement/v4/resource?limit=20' },
  { name: 'catalog: GET productOffering', service: 'catalog', path: () => '/tmf-api/productCatalogManagement/v4/productOffering' },
  { name: 'catalog: GET productOffering/{id}', service: 'catalog', path: () => '/tmf-api/productCatalogManagement/v4/productOffering/PLAN_M' },
  { name: 'subscription: GET subscription/{id} (balances)', service: 'subscription', path: (s) => `/subscription-api/v1/subscription/${s.subscriptionId}` },
  { name: 'com: GET productOrder/{id}', service: 'com', path: (s) => `/tmf-api/productOrderingManagement/v4/productOrder/${s.orderId}` },
  { name: 'mediation: GET usage?limit=20', service: 'mediation', path: () => '/tmf-api/usageManagement/v4/usage?limit=20' },
];

/** Flows that are not reads but not measured yet (the order flow is, in run.ts). */
export const FLOWS: { name: string; services: ServiceName[] }[] = [{ name: 'usage ingest (events/s)', services: ['mediation', 'rating'] }];

/** Order submit → subscription active over 100 orders, zero-delay provisioning (issue #10 §7). */
export const ORDER_FLOW_TARGETS = { p50Ms: 300 };
