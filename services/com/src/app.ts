// buildApp(deps): the COM HTTP app (platform routes + TMF622 + /com-api). Never listens: main.ts or the fleet
// does, and tests inject or listen on port 0.
import { createPlatformApp, type App } from '@bss/server-kit';
import type { ComDeps } from './deps.ts';
import { registerCancelProductOrderRoutes } from './routes/cancel-product-order.routes.ts';
import { registerComApiRoutes } from './routes/com-api.routes.ts';
import { registerProductOrderRoutes } from './routes/product-order.routes.ts';
import { createOrderReads } from './services/order-read.service.ts';
import { createOrderService } from './services/order.service.ts';
import { resetOrderData } from './services/reset.service.ts';

export async function buildApp(deps: ComDeps): Promise<App> {
  const app = await createPlatformApp(deps.platform, {
    description: 'COM: commercial orders (TMF622) — taken with a price snapshot, submitted to fulfilment, completed or failed by events.',
    reset: resetOrderData,
  });
  const orders = createOrderService(deps);
  const reads = createOrderReads(deps);
  registerProductOrderRoutes(app, deps, orders, reads);
  registerCancelProductOrderRoutes(app, deps, orders, reads);
  registerComApiRoutes(app, deps, orders, reads);
  return app;
}
