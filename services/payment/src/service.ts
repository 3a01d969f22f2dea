// The payment ServiceModule: what the runtime (main.ts, the fleet) starts: the HTTP app and the reconciler.
import { perPlatform, type ServiceModule } from '@bss/server-kit';
import { buildApp } from './app.ts';
import { extraEnv } from './config.ts';
import { createDeps } from './deps.ts';
import { createPaymentReconciler } from './workers/payment-reconciler.ts';

// The app and the reconciler must share one set of deps: in particular one provider, so the mock gateway's
// memory of charges is the one the reconciler looks verdicts up in.
const depsFor = perPlatform((platform) => createDeps(platform));

export const service: ServiceModule = {
  name: 'payment',
  version: '0.1.0',
  outboxSchema: 'payment',
  extraEnv,
  // createDeps resolves the provider first, so missing provider credentials stop start-up here.
  build: (platform) => buildApp(depsFor(platform)),
  workers: (platform) => [createPaymentReconciler(depsFor(platform))],
};
