// The services the operations know about, and what each hosts. Adding a service when it lands is one line here
// (clock moves and resets fan out to every listed service) plus its operations' declarations.
import type { ServiceName } from '@bss/config';

/** A service the CLI talks to; `reset` = it hosts /admin-api/v1/reset-operational-data (catalog holds reference data only). */
export interface FleetMember {
  name: ServiceName;
  reset: boolean;
}

/** The built services, in port order. Pending (not built yet): com, som, subscription, mediation, rating, provisioning-sim. */
export const FLEET: readonly FleetMember[] = [
  { name: 'catalog', reset: false },
  { name: 'crm', reset: true },
  { name: 'payment', reset: true },
];
