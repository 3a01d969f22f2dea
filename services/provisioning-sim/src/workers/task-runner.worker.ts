// The runner worker: wakes every poll interval and runs pending tasks until none is left (see
// services/task-runner.service.ts). Safe with replicas: each attempt claims its row with SKIP LOCKED.
import { createIntervalWorker, type IntervalWorker } from '@bss/server-kit';
import type { ProvisioningDeps } from '../deps.ts';
import { createTaskRunner, RUNNER_ACTOR, type RunReport } from '../services/task-runner.service.ts';

export function createTaskRunnerWorker(deps: ProvisioningDeps): IntervalWorker<RunReport> {
  const { runPending } = createTaskRunner(deps);
  return createIntervalWorker({ name: RUNNER_ACTOR, intervalMs: deps.pollIntervalMs, logger: deps.logger, run: runPending });
}
