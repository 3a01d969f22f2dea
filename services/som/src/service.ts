// The SOM ServiceModule: the HTTP app (TMF641/TMF638 reads, the cancel gate) and its six consumers.
import { perPlatform, type ServiceModule } from '@bss/server-kit';
import { buildApp } from './app.ts';
import { somConsumers } from './consumers.ts';
import { createDeps } from './deps.ts';

// The app and the consumers share one set of deps (one inventory client).
const depsFor = perPlatform((platform) => createDeps(platform));

export const service: ServiceModule = {
  name: 'som',
  version: '0.1.0',
  outboxSchema: 'service_inventory',
  build: (platform) => buildApp(depsFor(platform)),
  consumers: (platform) => somConsumers(depsFor(platform)),
};
