// The provisioning-sim ServiceModule: the HTTP app, the `provisioning-sim.task.created` consumer and the task
// runner, sharing one set of deps.
import { perPlatform, type ServiceModule } from '@bss/server-kit';
import { buildApp } from './app.ts';
import { extraEnv } from './config.ts';
import { taskCreatedConsumer } from './consumers/task-created.consumer.ts';
import { createDeps } from './deps.ts';
import { createTaskRunnerWorker } from './workers/task-runner.worker.ts';

const depsFor = perPlatform((platform) => createDeps(platform));

export const service: ServiceModule = {
  name: 'provisioning-sim',
  version: '0.1.0',
  outboxSchema: 'provisioning',
  extraEnv,
  build: (platform) => buildApp(depsFor(platform)),
  consumers: (platform) => [taskCreatedConsumer(depsFor(platform))],
  workers: (platform) => [createTaskRunnerWorker(depsFor(platform))],
};
