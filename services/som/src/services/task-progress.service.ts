// Provisioning's answers about the tasks of a service order. Each handler locks the service order, then its
// tasks, and applies the task table; an event the task's state has already passed (a duplicate under another
// id, a stale `stuck` after `completed`) or an order no longer in progress is ignored, so delivery order and
// duplicates never change the outcome.
//  completed → when all four are, the CFS and RFS activate and the order completes (handed to subscription).
//  failed, permanent → the services fail, MSISDN and eSIM go back, the order fails (COM fails the order).
//  failed, retryable / stuck → the order waits for an operator (retry/resolve in provisioning → completed).
import type { EventPayload } from '@bss/contracts';
import type { Tx } from '@bss/db';
import type { SomDeps } from '../deps.ts';
import { taskStateMachine, type TaskTrigger } from '../domain/task.state.ts';
import { serviceOrderAwaitingOperator, serviceOrderCompleted, serviceOrderFailed } from '../events/service-order.events.ts';
import { lockServiceOrder } from '../repositories/service-order.repository.ts';
import { lockServicesOfOrder } from '../repositories/service.repository.ts';
import { lockTasksOfOrder, updateTask } from '../repositories/task.repository.ts';
import type { ProvisioningTaskRow, ServiceOrderRow } from '../schema.ts';
import { holdingsOf, returnHoldings } from './inventory-holds.ts';
import { moveServiceOrder, moveServicesWhereLegal } from './transitions.ts';

type TaskEvent = EventPayload<'provisioning.task.completed'> | EventPayload<'provisioning.task.failed'> | EventPayload<'provisioning.task.stuck'>;

export function createTaskProgressService(deps: SomDeps) {
  const { clock, outbox, logger } = deps;

  /** Locks the order and applies `trigger` to the task; undefined when the event changes nothing. */
  async function advance(tx: Tx, e: TaskEvent, trigger: TaskTrigger, lastError: string | null) {
    const so = await lockServiceOrder(tx, e.serviceOrderId);
    if (!so || so.orderId !== e.orderId) {
      logger.warn({ serviceOrderId: e.serviceOrderId, taskId: e.taskId }, 'task event for an unknown service order; ignored');
      return undefined;
    }
    if (so.state !== 'in_progress') return undefined;
    const tasks = await lockTasksOfOrder(tx, so.id);
    const task = tasks.find((t) => t.taskType === e.taskType);
    const next = task && taskStateMachine.next(task.state, trigger);
    if (!task || !next) return undefined;
    const updated = await updateTask(tx, so.id, e.taskType, { state: next, taskId: e.taskId, lastError, updatedAt: clock.now() });
    return { so, tasks: tasks.map((t) => (t.taskType === e.taskType ? updated : t)) };
  }

  async function completeOrder(tx: Tx, so: ServiceOrderRow): Promise<void> {
    const now = clock.now();
    const services = await moveServicesWhereLegal(tx, await lockServicesOfOrder(tx, so.id), 'activate', { activatedAt: now, updatedAt: now });
    const completed = await moveServiceOrder(tx, so, 'complete', { completedAt: now, updatedAt: now });
    await outbox.stage(tx, serviceOrderCompleted(completed, services.find((s) => s.kind === 'CFS')!));
  }

  const allCompleted = (tasks: ProvisioningTaskRow[]) => tasks.every((t) => t.state === 'completed');

  return {
    async completed(tx: Tx, e: EventPayload<'provisioning.task.completed'>): Promise<void> {
      const step = await advance(tx, e, 'complete', null);
      if (step && allCompleted(step.tasks)) await completeOrder(tx, step.so);
    },

    async failed(tx: Tx, e: EventPayload<'provisioning.task.failed'>): Promise<void> {
      const step = await advance(tx, e, 'fail', e.lastError);
      if (!step) return;
      if (!e.permanent) {
        await outbox.stage(tx, serviceOrderAwaitingOperator(step.so, { taskId: e.taskId, taskType: e.taskType, taskState: 'failed', reason: e.lastError }));
        return;
      }
      const now = clock.now();
      const reason = `provisioning task ${e.taskType} failed: ${e.lastError}`;
      await moveServicesWhereLegal(tx, await lockServicesOfOrder(tx, step.so.id), 'fail', { endedAt: now, updatedAt: now });
      await returnHoldings(deps, step.so.orderId, holdingsOf(step.so));
      const failed = await moveServiceOrder(tx, step.so, 'fail', { stateReason: reason, failedTaskType: e.taskType, endedAt: now, updatedAt: now });
      await outbox.stage(tx, serviceOrderFailed(failed, reason, e.taskType));
    },

    async stuck(tx: Tx, e: EventPayload<'provisioning.task.stuck'>): Promise<void> {
      const step = await advance(tx, e, 'stick', null);
      if (!step) return;
      const reason = `provisioning task ${e.taskType} is stuck since ${e.startedAt}`;
      await outbox.stage(tx, serviceOrderAwaitingOperator(step.so, { taskId: e.taskId, taskType: e.taskType, taskState: 'stuck', reason }));
    },
  };
}
