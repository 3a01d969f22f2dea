// Operator actions on a task: retry a retryable failure, resolve a stuck task, abandon either. Pure checks of
// the locked row and the input; the state table then names the move.
import { PolicyViolation } from '@bss/policy';
import type { TaskRow } from '../schema.ts';

/** The trimmed note, or `<rule>` when it is missing or blank. */
function requireNote(rule: string, task: TaskRow, note: string | undefined): string {
  const trimmed = note?.trim() ?? '';
  if (!trimmed) throw new PolicyViolation(rule, `A note is required to act on task ${task.id}`, { taskId: task.id });
  return trimmed;
}

export function checkCanRetry(task: TaskRow): void {
  if (task.state !== 'failed') {
    throw new PolicyViolation('provisioning_task.retry.requires_failed_state', `Task ${task.id} is ${task.state}; only a failed task can be retried`, {
      taskId: task.id,
      state: task.state,
    });
  }
  if (task.permanent) {
    throw new PolicyViolation(
      'provisioning_task.retry.permanent_failure',
      `Task ${task.id} failed permanently; its service order has failed and a retry would provision nothing`,
      { taskId: task.id, lastError: task.lastError },
    );
  }
}

export function checkCanResolve(task: TaskRow, note: string | undefined): string {
  const trimmed = requireNote('provisioning.resolve_stuck.requires_note', task, note);
  if (task.state !== 'stuck') {
    throw new PolicyViolation('provisioning_task.resolve.requires_stuck_state', `Task ${task.id} is ${task.state}; only a stuck task can be resolved`, {
      taskId: task.id,
      state: task.state,
    });
  }
  return trimmed;
}

export function checkCanAbandon(task: TaskRow, note: string | undefined): string {
  const trimmed = requireNote('provisioning_task.abandon.requires_note', task, note);
  if (task.state === 'failed' && task.permanent) {
    throw new PolicyViolation('provisioning_task.abandon.permanent_failure', `Task ${task.id} already failed permanently`, { taskId: task.id });
  }
  if (task.state !== 'failed' && task.state !== 'stuck') {
    throw new PolicyViolation(
      'provisioning_task.abandon.requires_failed_or_stuck_state',
      `Task ${task.id} is ${task.state}; only a failed (retryable) or stuck task can be abandoned`,
      { taskId: task.id, state: task.state },
    );
  }
  return trimmed;
}
