// The catalog app: platform routes (health, ready, clock, audit) plus the catalog routes. Never listens.
import { createPlatformApp, type App } from '@bss/server-kit';
import type { CatalogDeps } from './deps.ts';
import { registerOfferingAdminRoutes } from './routes/offering-admin.routes.ts';
import { registerProductOfferingRoutes } from './routes/product-offering.routes.ts';
import { registerReferenceRoutes } from './routes/reference.routes.ts';
import { registerTmf620WriteRoutes } from './routes/tmf620-write.routes.ts';
import { createCatalogSnapshots } from './services/catalog-snapshot.ts';
import { createOfferingAdmin } from './services/offering-admin.service.ts';
import { createOfferingReads } from './services/offering-read.service.ts';
import { createPriceAdmin } from './services/price-admin.service.ts';
import { createReferenceReads } from './services/reference-read.service.ts';
import { createSpecificationAdmin } from './services/specification-admin.service.ts';

export async function buildApp(deps: CatalogDeps): Promise<App> {
  const app = await createPlatformApp(deps.platform, {
    description: 'Product catalog: TMF620 offerings, prices and specifications, VAS top-ups, operator catalog writes',
  });
  // One snapshot cache per app instance, shared by every read route.
  const snapshots = createCatalogSnapshots(deps.database);
  registerProductOfferingRoutes(app, createOfferingReads(deps, snapshots));
  registerReferenceRoutes(app, createReferenceReads(deps, snapshots));
  // One write path, two front doors: the admin routes and the TMF620 write routes share the services.
  const offerings = createOfferingAdmin(deps);
  registerOfferingAdminRoutes(app, offerings);
  registerTmf620WriteRoutes(app, { offerings, prices: createPriceAdmin(deps), specifications: createSpecificationAdmin(deps) }, deps.hrefs);
  return app;
}
