// Event builders for provisioning tasks. Each carries the ORIGINAL service order and order ids (the row's),
// so a retried or resolved task completes the service order that asked for it; correlationId = the order id.
import type { NewEvent } from '@bss/events';
import type { TaskRow } from '../schema.ts';

const AGGREGATE = 'provisioning_task';

const base = (t: TaskRow) => ({
  taskId: t.id,
  serviceOrderId: t.serviceOrderId,
  orderId: t.orderId,
  serviceId: t.serviceId,
  taskType: t.taskType,
  attempts: t.attempts,
  maxAttempts: t.maxAttempts,
});

const event = <T extends string>(eventType: T, t: TaskRow, payload: NewEvent<T>['payload']): NewEvent<T> => ({
  eventType,
  aggregateType: AGGREGATE,
  aggregateId: t.id,
  payload,
  correlationId: t.orderId,
});

export const taskCompleted = (t: TaskRow) => event('provisioning.task.completed', t, { ...base(t), completedAt: t.completedAt!.toISOString() });
export const taskFailed = (t: TaskRow) => event('provisioning.task.failed', t, { ...base(t), lastError: t.lastError ?? 'failed', permanent: t.permanent });
export const taskStuck = (t: TaskRow) => event('provisioning.task.stuck', t, { ...base(t), startedAt: (t.startedAt ?? t.updatedAt).toISOString() });
export const taskRetried = (t: TaskRow, previousState: string) => event('provisioning.task.retried', t, { ...base(t), previousState });
export const taskResolved = (t: TaskRow, note: string) => event('provisioning.task.resolved', t, { ...base(t), note });
export const taskAbandoned = (t: TaskRow, previousState: string, note: string) =>
  event('provisioning.task.abandoned', t, { ...base(t), previousState, note });
