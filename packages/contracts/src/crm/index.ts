// Wire shapes of the crm API: customers (TMF629), interactions (TMF683-style), tickets (TMF621-style), cases,
// KYC, agents and chat transcripts. Exported from @bss/contracts as the `crm` namespace.
export * from './customer.ts';
export * from './interaction.ts';
export * from './ticket.ts';
export * from './case.ts';
export * from './kyc.ts';
export * from './agent.ts';
export * from './tmf621.ts';
