// buildApp(deps): the mediation HTTP app (platform routes + TMF635 usage). Never listens: main.ts or the fleet
// does, and tests inject or listen on port 0.
import { createPlatformApp, type App } from '@bss/server-kit';
import type { MediationDeps } from './deps.ts';
import { registerUsageRoutes } from './routes/usage.routes.ts';
import { resetMediationData } from './services/reset.service.ts';
import { createUsageService } from './services/usage.service.ts';

export async function buildApp(deps: MediationDeps): Promise<App> {
  const app = await createPlatformApp(deps.platform, {
    description: 'Mediation: TMF635 usage ingest, blocked at the edge (known line, active subscription), each record stored and counted once.',
    reset: resetMediationData,
  });
  registerUsageRoutes(app, createUsageService(deps));
  return app;
}
