// The services the operations know about, and what each hosts. Adding a service when it lands is one line here
// (clock moves and resets fan out to every listed service) plus its operations' declarations.
import type { ServiceName } from '@bss/config';

/** A service the CLI talks to; `reset` = it hosts /admin-api/v1/reset-operational-data (catalog holds reference data only). */
export interface FleetMember {
  name: ServiceName;
  reset: boolean;
}

/** The built services, in port order (rating keeps no operational data: tariffs are reference data). */
export const FLEET: readonly FleetMember[] = [
  { name: 'catalog', reset: false },
  { name: 'crm', reset: true },
  { name: 'payment', reset: true },
  { name: 'com', reset: true },
  { name: 'som', reset: true },
  { name: 'subscription', reset: true },
  { name: 'mediation', reset: true },
  { name: 'rating', reset: false },
  { name: 'provisioning-sim', reset: true },
];
