// Runs pending tasks, one attempt per transaction: claim the oldest pending row (FOR UPDATE SKIP LOCKED, so
// replicas and lanes never run the same task), decide the attempt from the fault rules, wait the simulated
// network time, record the outcome and stage its event in that same transaction. A process that dies mid-
// attempt rolls back: the task is still pending and the next pass (any replica) runs the attempt again.
// A failed attempt with budget left goes back to pending and the same lane runs the next one at once.
import type { Tx } from '@bss/db';
import { runWithContext, systemContext } from '@bss/telemetry';
import type { ProvisioningDeps } from '../deps.ts';
import { applicableRule, decideAttempt } from '../domain/fault-decision.ts';
import { taskMachine } from '../domain/task.state.ts';
import { taskCompleted, taskFailed, taskStuck } from '../events/task.events.ts';
import { listAllFaultRules } from '../repositories/fault-rule.repository.ts';
import { claimPendingTask, updateTask } from '../repositories/task.repository.ts';
import type { TaskRow } from '../schema.ts';

export const RUNNER_ACTOR = 'provisioning-sim.runner';

/** What one pass did. */
export interface RunReport {
  attempts: number;
  completed: number;
  retried: number;
  failed: number;
  stuck: number;
}

type AttemptResult = 'completed' | 'retried' | 'failed' | 'stuck';

/**
 * Upper bound of attempts in one pass, so a pass ends soon (the next wake-up continues) and stopping the
 * service waits at most about (this / concurrency) × the attempt duration for the pass in flight.
 */
export const MAX_ATTEMPTS_PER_PASS = 40;

export function createTaskRunner(deps: ProvisioningDeps) {
  async function attempt(tx: Tx, claimed: TaskRow): Promise<AttemptResult> {
    const attemptNo = claimed.attempts + 1;
    taskMachine.transition(claimed.state, 'start', { taskId: claimed.id });
    const rules = await listAllFaultRules(tx);
    const outcome = decideAttempt({
      rule: applicableRule(rules, claimed.taskType),
      attempt: attemptNo,
      maxAttempts: claimed.maxAttempts,
      durationMs: deps.durationMs,
      random: deps.random,
    });
    const startedAt = claimed.startedAt ?? deps.clock.now();
    if (outcome.kind !== 'hang' && outcome.durationMs > 0) await deps.sleep(outcome.durationMs);
    const now = deps.clock.now();
    const common = { attempts: attemptNo, startedAt, updatedAt: now };

    if (outcome.kind === 'succeed') {
      const row = await updateTask(tx, claimed.id, { ...common, state: taskMachine.transition('running', 'succeed'), completedAt: now });
      await deps.outbox.stage(tx, taskCompleted(row));
      return 'completed';
    }
    if (outcome.kind === 'hang') {
      const row = await updateTask(tx, claimed.id, { ...common, state: taskMachine.transition('running', 'hang'), endedAt: now, lastError: outcome.error });
      await deps.outbox.stage(tx, taskStuck(row));
      return 'stuck';
    }
    if (attemptNo < claimed.maxAttempts) {
      await updateTask(tx, claimed.id, { ...common, state: taskMachine.transition('running', 'fail_attempt'), lastError: outcome.error });
      return 'retried';
    }
    const row = await updateTask(tx, claimed.id, {
      ...common,
      state: taskMachine.transition('running', 'fail'),
      lastError: outcome.error,
      permanent: outcome.permanent,
      endedAt: now,
    });
    await deps.outbox.stage(tx, taskFailed(row));
    return 'failed';
  }

  /** Claims and runs one attempt; undefined when nothing is pending (or every pending task is held by others). */
  function runOneAttempt(): Promise<AttemptResult | undefined> {
    return deps.database.db.transaction(async (tx) => {
      const claimed = await claimPendingTask(tx);
      if (!claimed) return undefined;
      // The task's events belong to its tenant and its order's flow, caused by SOM's request.
      const ctx = systemContext({ actor: RUNNER_ACTOR, tenant: claimed.tenantId, correlationId: claimed.orderId, causationId: claimed.requestEventId });
      const result = await runWithContext(ctx, () => attempt(tx, claimed));
      deps.logger.info({ taskId: claimed.id, taskType: claimed.taskType, attempt: claimed.attempts + 1, result }, 'provisioning attempt');
      return result;
    });
  }

  /** One pass: `concurrency` lanes run attempts until nothing is pending. */
  async function runPending(): Promise<RunReport> {
    const report: RunReport = { attempts: 0, completed: 0, retried: 0, failed: 0, stuck: 0 };
    let started = 0;
    const lane = async () => {
      // A lane takes a slot before it claims, so parallel lanes never overshoot the bound.
      while (started < MAX_ATTEMPTS_PER_PASS) {
        started++;
        const result = await runOneAttempt();
        if (!result) return;
        report.attempts++;
        report[result]++;
      }
    };
    await Promise.all(Array.from({ length: deps.concurrency }, lane));
    return report;
  }

  return { runPending, runOneAttempt };
}
