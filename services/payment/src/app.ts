// buildApp(deps): the payment HTTP app (platform routes + payment routes). Never listens: main.ts or the
// fleet does, and tests inject or listen on port 0.
import { createPlatformApp, type App } from '@bss/server-kit';
import type { PaymentDeps } from './deps.ts';
import { registerPaymentMethodRoutes } from './routes/payment-method.routes.ts';
import { registerPaymentRoutes } from './routes/payment.routes.ts';
import { createPaymentMethodService } from './services/payment-method.service.ts';
import { createPaymentService } from './services/payment.service.ts';
import { resetPaymentData } from './services/reset.service.ts';

export async function buildApp(deps: PaymentDeps): Promise<App> {
  const app = await createPlatformApp(deps.platform, {
    description: 'Payment: cards on file (tokens only) and idempotent charges, approved or declined in full.',
    reset: resetPaymentData,
  });
  registerPaymentMethodRoutes(app, createPaymentMethodService(deps));
  registerPaymentRoutes(app, createPaymentService(deps));
  return app;
}
