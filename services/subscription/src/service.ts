// The subscription ServiceModule: the HTTP app and its consumers: `service_order.completed` (activation),
// `usage.rated` (decrement, block on exhaust), `port_request.approved` (port-out terminates); the renewal worker.
import { perPlatform, type ServiceModule } from '@bss/server-kit';
import { buildApp } from './app.ts';
import { SERVICE_ORDER_COMPLETED_QUEUE, serviceOrderCompletedHandler } from './consumers/service-order-completed.consumer.ts';
import { PORT_REQUEST_APPROVED_QUEUE, portRequestApprovedHandler } from './consumers/port-request-approved.consumer.ts';
import { USAGE_RATED_QUEUE, usageRatedConsumer } from './consumers/usage-rated.consumer.ts';
import { extraEnv } from './config.ts';
import { createDeps } from './deps.ts';
import { createRenewalWorker } from './workers/renewal.worker.ts';

// The app and the consumer share one set of deps (one set of downstream clients).
const depsFor = perPlatform((platform) => createDeps(platform));

export const service: ServiceModule = {
  name: 'subscription',
  version: '0.1.0',
  outboxSchema: 'subscription',
  extraEnv,
  build: (platform) => buildApp(depsFor(platform)),
  consumers: (platform) => [
    { spec: SERVICE_ORDER_COMPLETED_QUEUE, handler: serviceOrderCompletedHandler(depsFor(platform)) },
    { spec: USAGE_RATED_QUEUE, ...usageRatedConsumer(depsFor(platform)) },
    { spec: PORT_REQUEST_APPROVED_QUEUE, handler: portRequestApprovedHandler(depsFor(platform)) },
  ],
  workers: (platform) => [createRenewalWorker(depsFor(platform))],
};
