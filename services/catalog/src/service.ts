// The catalog service module the runtime starts (main.ts, the fleet launcher). Catalog has no consumers,
// workers or operational reset: its data is reference data.
import type { ServiceModule } from '@bss/server-kit';
import { buildApp } from './app.ts';
import { createDeps } from './deps.ts';

export const service: ServiceModule = {
  name: 'catalog',
  version: '0.1.0',
  outboxSchema: 'catalog',
  build: (platform) => buildApp(createDeps(platform)),
};
