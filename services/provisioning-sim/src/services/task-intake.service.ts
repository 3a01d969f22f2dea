// The consumer's use-case: record the task SOM asked for. Exactly one row per (service order, task type): a
// redelivery (same event, absorbed by the inbox) or a re-staged request (new event, same pair) adds nothing.
// The task does not run here: the runner picks pending rows up (see task-runner.service.ts), so the consumer's
// transaction stays short and a slow simulated network never holds a broker delivery. A new row wakes the
// runners on commit (NOTIFY); their periodic poll is only the backstop.
import { mintId } from '@bss/contracts';
import type { Tx } from '@bss/db';
import type { TypedEnvelope } from '@bss/events';
import type { ProvisioningDeps } from '../deps.ts';
import { announcePendingTask, insertTaskIfAbsent } from '../repositories/task.repository.ts';
import type { TaskRow } from '../schema.ts';

export function createTaskIntake(deps: ProvisioningDeps) {
  async function accept(tx: Tx, event: TypedEnvelope<'provisioning.task.created'>): Promise<TaskRow | undefined> {
    const p = event.payload;
    const now = deps.clock.now();
    const row = await insertTaskIfAbsent(tx, {
      id: mintId('PTK'),
      serviceOrderId: p.serviceOrderId,
      orderId: p.orderId,
      customerId: p.customerId,
      serviceId: p.serviceId,
      offeringId: p.offeringId,
      taskType: p.taskType,
      msisdn: p.msisdn,
      iccid: p.iccid,
      imsi: p.imsi,
      requestEventId: event.eventId,
      state: 'pending',
      attempts: 0,
      maxAttempts: deps.maxAttempts,
      createdAt: now,
      updatedAt: now,
    });
    if (row) await announcePendingTask(tx);
    if (row) deps.logger.info({ taskId: row.id, serviceOrderId: row.serviceOrderId, taskType: row.taskType }, 'provisioning task accepted');
    else deps.logger.info({ serviceOrderId: p.serviceOrderId, taskType: p.taskType }, 'provisioning task already requested; nothing new');
    return row;
  }
  return { accept };
}
