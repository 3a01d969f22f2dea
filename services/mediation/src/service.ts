// The mediation ServiceModule: the HTTP app (TMF635 usage). It consumes nothing; its events leave by the relay.
import type { ServiceModule } from '@bss/server-kit';
import { buildApp } from './app.ts';
import { createDeps } from './deps.ts';

export const service: ServiceModule = {
  name: 'mediation',
  version: '0.1.0',
  outboxSchema: 'mediation',
  build: (platform) => buildApp(createDeps(platform)),
};
