// The payment ServiceModule: what the runtime (main.ts, the fleet) starts.
import type { ServiceModule } from '@bss/server-kit';
import { buildApp } from './app.ts';
import { extraEnv } from './config.ts';
import { createDeps } from './deps.ts';

export const service: ServiceModule = {
  name: 'payment',
  version: '0.1.0',
  outboxSchema: 'payment',
  extraEnv,
  // createDeps resolves the provider first, so missing provider credentials stop start-up here.
  build: (platform) => buildApp(createDeps(platform)),
};
