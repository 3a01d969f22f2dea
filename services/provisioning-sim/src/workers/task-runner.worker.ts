// The runner worker: runs pending tasks until none is left (see services/task-runner.service.ts), woken by the
// NOTIFY that a transaction making a task runnable sends on commit (repositories/task.repository.ts), so a
// task starts about one round trip after it is committed. The LISTEN lives on a dedicated one-connection pool
// (so it never holds one of the service pool's few connections) and is re-established with backoff when
// lost; the poll every BSS_PROVISIONING_POLL_INTERVAL_MS stays as
// the backstop (a notification sent while nobody listened, a pass cut short by MAX_ATTEMPTS_PER_PASS).
// Notifications arriving during a pass coalesce into one more pass. Safe with replicas: every replica is
// woken, and each attempt claims its row with SKIP LOCKED.
import { createListener, listenerPool, type Listener } from '@bss/db';
import { createIntervalWorker, type IntervalWorker } from '@bss/server-kit';
import type { ProvisioningDeps } from '../deps.ts';
import { TASK_PENDING_CHANNEL } from '../repositories/task.repository.ts';
import { createTaskRunner, RUNNER_ACTOR, type RunReport } from '../services/task-runner.service.ts';

export function createTaskRunnerWorker(deps: ProvisioningDeps): IntervalWorker<RunReport> {
  const { runPending } = createTaskRunner(deps);
  const worker = createIntervalWorker({ name: RUNNER_ACTOR, intervalMs: deps.pollIntervalMs, logger: deps.logger, run: runPending });
  let listening: { listener: Listener; pool: ReturnType<typeof listenerPool> } | undefined;
  return {
    ...worker,
    async start() {
      if (listening) return;
      await worker.start();
      const pool = listenerPool(deps.database.pool, 'bss-provisioning-sim-listen');
      const listener = createListener({
        pool,
        channel: TASK_PENDING_CHANNEL,
        onNotification: () => worker.wake(),
        // Tasks committed while nobody listened sent notifications nobody heard: look now.
        onListening: () => worker.wake(),
        onTrouble: (kind, err) =>
          deps.logger.warn({ worker: RUNNER_ACTOR, err: err?.message }, kind === 'lost' ? 'task LISTEN connection lost; reconnecting' : 'task LISTEN failed; retrying'),
      });
      listening = { listener, pool };
      await listener.start();
    },
    async stop() {
      const current = listening;
      listening = undefined;
      current?.listener.stop();
      await worker.stop();
      await current?.pool.end();
    },
  };
}
