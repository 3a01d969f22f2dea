// buildApp(deps): the subscription HTTP app (platform routes + subscription routes). Never listens: main.ts or
// the fleet does, and tests inject or listen on port 0.
import { createPlatformApp, type App } from '@bss/server-kit';
import type { SubscriptionDeps } from './deps.ts';
import { renewalSettings } from './config.ts';
import { registerCustomerBillRoutes } from './routes/customer-bill.routes.ts';
import { registerRenewalAdminRoutes } from './routes/renewal-admin.routes.ts';
import { registerSubscriptionRoutes } from './routes/subscription.routes.ts';
import { createRenewalSweep } from './services/renewal-sweep.service.ts';
import { resetSubscriptionData } from './services/reset.service.ts';
import { createSubscriptionService } from './services/subscription.service.ts';

export async function buildApp(deps: SubscriptionDeps): Promise<App> {
  const app = await createPlatformApp(deps.platform, {
    description: 'Subscription: activated lines (number, eSIM, plan), their bundle balances and lifecycle.',
    reset: resetSubscriptionData,
  });
  registerSubscriptionRoutes(app, createSubscriptionService(deps));
  registerCustomerBillRoutes(app, deps);
  const settings = renewalSettings(deps.platform.config.extra as Record<string, unknown>);
  registerRenewalAdminRoutes(app, createRenewalSweep(deps, { reminderLookaheadMs: settings.reminderLookaheadMs }).runOnce);
  return app;
}
