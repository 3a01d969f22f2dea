// Builds the CRM app (never listens): platform routes, CRM-core routes, the inventory and porting modules, and the
// operational reset. Tests build the same app with test deps and use app.inject().
import { createPlatformApp, type App } from '@bss/server-kit';
import type { CrmDeps } from './deps.ts';
import { registerInventoryRoutes } from './inventory/routes.ts';
import { registerPortingRoutes } from './porting/routes.ts';
import { resetCrm } from './reset.ts';
import { registerCrmRoutes } from './routes/index.ts';

export async function buildApp(deps: CrmDeps): Promise<App> {
  const app = await createPlatformApp(deps.platform, {
    description: 'CRM: customers (TMF629), interactions, trouble tickets, cases, KYC, agents, chat transcripts, inventory and porting',
    reset: resetCrm,
  });
  registerCrmRoutes(app, deps);
  registerInventoryRoutes(app, deps);
  registerPortingRoutes(app, deps);
  return app;
}
