// Operator fallout actions, each one transaction on the locked task row (a running attempt holds the lock, so
// an action waits for it to commit and then sees its outcome). Retry and resolve put the SAME row back to
// pending with a fresh attempt budget and wake the runners on commit: the runner runs it again and its
// completion carries the original service order and order ids, so the service order that waited completes.
// Abandon is final: a permanent failure follows, and SOM fails the service order.
import type { provisioning } from '@bss/contracts';
import type { ProvisioningDeps } from '../deps.ts';
import { toTask } from '../domain/task.mapper.ts';
import { taskMachine } from '../domain/task.state.ts';
import { taskAbandoned, taskFailed, taskResolved, taskRetried } from '../events/task.events.ts';
import { checkCanAbandon, checkCanResolve, checkCanRetry } from '../policies/task.policies.ts';
import { announcePendingTask, getTaskForUpdate, updateTask } from '../repositories/task.repository.ts';

export function createTaskOperator(deps: ProvisioningDeps) {
  const { db } = deps.database;

  function retry(taskId: string): Promise<provisioning.Task> {
    return db.transaction(async (tx) => {
      const current = await getTaskForUpdate(tx, taskId);
      checkCanRetry(current);
      const row = await updateTask(tx, taskId, {
        state: taskMachine.transition(current.state, 'retry', { taskId }),
        attempts: 0,
        lastError: null,
        permanent: false,
        endedAt: null,
        updatedAt: deps.clock.now(),
      });
      await deps.outbox.stage(tx, taskRetried(row, current.state));
      await announcePendingTask(tx);
      return toTask(row, deps.href);
    });
  }

  function resolve(taskId: string, input: provisioning.OperatorNoteRequest): Promise<provisioning.Task> {
    return db.transaction(async (tx) => {
      const current = await getTaskForUpdate(tx, taskId);
      const note = checkCanResolve(current, input.note);
      const row = await updateTask(tx, taskId, {
        state: taskMachine.transition(current.state, 'resolve', { taskId }),
        attempts: 0,
        lastError: `Resolved by operator: ${note}`,
        operatorNote: note,
        endedAt: null,
        updatedAt: deps.clock.now(),
      });
      await deps.outbox.stage(tx, taskResolved(row, note));
      await announcePendingTask(tx);
      return toTask(row, deps.href);
    });
  }

  function abandon(taskId: string, input: provisioning.OperatorNoteRequest): Promise<provisioning.Task> {
    return db.transaction(async (tx) => {
      const current = await getTaskForUpdate(tx, taskId);
      const note = checkCanAbandon(current, input.note);
      const now = deps.clock.now();
      const row = await updateTask(tx, taskId, {
        state: taskMachine.transition(current.state, 'abandon', { taskId }),
        permanent: true,
        lastError: `Abandoned by operator: ${note}`,
        operatorNote: note,
        endedAt: now,
        updatedAt: now,
      });
      await deps.outbox.stage(tx, taskAbandoned(row, current.state, note));
      // What SOM acts on: a permanent failure fails the service order and releases its inventory.
      await deps.outbox.stage(tx, taskFailed(row));
      return toTask(row, deps.href);
    });
  }

  return { retry, resolve, abandon };
}
export type TaskOperator = ReturnType<typeof createTaskOperator>;
