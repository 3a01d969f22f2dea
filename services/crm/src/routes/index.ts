// Registers every CRM-core route family (inventory and porting register their own in app.ts).
import type { App } from '@bss/server-kit';
import type { CrmDeps } from '../deps.ts';
import { registerAgentRoutes, registerTranscriptRoutes } from './agent.routes.ts';
import { registerCaseRoutes } from './case.routes.ts';
import { registerCustomerRoutes } from './customer.routes.ts';
import { registerInteractionRoutes } from './interaction.routes.ts';
import { registerKycRoutes } from './kyc.routes.ts';
import { registerTicketRoutes } from './ticket.routes.ts';
import { registerTmf621Routes } from './tmf621.routes.ts';

export function registerCrmRoutes(app: App, deps: CrmDeps): void {
  registerCustomerRoutes(app, deps);
  registerKycRoutes(app, deps);
  registerInteractionRoutes(app, deps);
  registerTicketRoutes(app, deps);
  registerTmf621Routes(app, deps);
  registerCaseRoutes(app, deps);
  registerAgentRoutes(app, deps);
  registerTranscriptRoutes(app, deps);
}
