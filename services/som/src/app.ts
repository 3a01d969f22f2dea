// buildApp(deps): the SOM HTTP app (platform routes + TMF641/TMF638 reads + the cancel gate). Never listens.
import { createPlatformApp, type App } from '@bss/server-kit';
import type { SomDeps } from './deps.ts';
import { registerCancelRoutes } from './routes/cancel.routes.ts';
import { registerServiceOrderRoutes } from './routes/service-order.routes.ts';
import { registerServiceRoutes } from './routes/service.routes.ts';
import { createCancelService } from './services/cancel.service.ts';
import { createQueryService } from './services/query.service.ts';
import { resetSomData } from './services/reset.service.ts';

export async function buildApp(deps: SomDeps): Promise<App> {
  const app = await createPlatformApp(deps.platform, {
    description: 'SOM: service orders (TMF641) and service inventory (TMF638), decomposed from commercial orders by events.',
    reset: resetSomData,
  });
  const queries = createQueryService(deps);
  registerServiceOrderRoutes(app, queries);
  registerServiceRoutes(app, queries);
  registerCancelRoutes(app, createCancelService(deps));
  return app;
}
