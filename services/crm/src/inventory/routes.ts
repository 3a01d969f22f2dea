// Entry point the CRM app calls: registers the MSISDN, eSIM and TMF639 inventory routes.
import type { App } from '@bss/server-kit';
import type { CrmDeps } from '../deps.ts';
import { registerEsimRoutes } from './routes/esim.routes.ts';
import { registerMsisdnRoutes } from './routes/msisdn.routes.ts';
import { registerTmf639Routes } from './routes/tmf639.routes.ts';

export function registerInventoryRoutes(app: App, deps: CrmDeps): void {
  registerMsisdnRoutes(app, deps);
  registerEsimRoutes(app, deps);
  registerTmf639Routes(app, deps);
}
