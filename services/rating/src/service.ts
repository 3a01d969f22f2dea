// The rating ServiceModule: the debug HTTP app and the `rating.usage.recorded` consumer, on one set of deps.
import { perPlatform, type ServiceModule } from '@bss/server-kit';
import { buildApp } from './app.ts';
import { usageRecordedConsumer } from './consumers/usage-recorded.consumer.ts';
import { createDeps } from './deps.ts';
import { createRatingService } from './services/rating.service.ts';

const depsFor = perPlatform((platform) => createDeps(platform));

export const service: ServiceModule = {
  name: 'rating',
  version: '0.1.0',
  outboxSchema: 'rating',
  build: (platform) => buildApp(depsFor(platform)),
  consumers: (platform) => [usageRecordedConsumer(createRatingService(depsFor(platform)))],
};
