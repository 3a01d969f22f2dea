// @bss/contracts: zod wire shapes shared by services, clients, the CLI, the agent and the portals.
// One module per service under src/<service>/; this index re-exports each as a namespace.
export * from './common/index.ts';
export * from './events/index.ts';
export * as catalog from './catalog/index.ts';
export * as com from './com/index.ts';
export * as crm from './crm/index.ts';
export * as inventory from './inventory/index.ts';
export * as payment from './payment/index.ts';
export * as som from './som/index.ts';
export * as provisioning from './provisioning/index.ts';
export * as subscription from './subscription/index.ts';
export * as usage from './usage/index.ts';
