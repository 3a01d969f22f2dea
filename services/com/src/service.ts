// The COM ServiceModule: what the runtime (main.ts, the fleet) starts: the HTTP app, the three consumers of the
// order pipeline's outcome events and the stuck-order sweeper.
import { perPlatform, type ServiceModule } from '@bss/server-kit';
import { buildApp } from './app.ts';
import { extraEnv } from './config.ts';
import { createDeps } from './deps.ts';
import { comConsumers } from './events/consumers.ts';
import { createStuckSweeper } from './workers/stuck-sweeper.ts';

// The app, the consumers and the sweeper share one set of deps (one set of clients, one config view).
const depsFor = perPlatform((platform) => createDeps(platform));

export const service: ServiceModule = {
  name: 'com',
  version: '0.1.0',
  outboxSchema: 'order_mgmt',
  extraEnv,
  build: (platform) => buildApp(depsFor(platform)),
  consumers: (platform) => comConsumers(depsFor(platform)),
  workers: (platform) => [createStuckSweeper(depsFor(platform))],
};
