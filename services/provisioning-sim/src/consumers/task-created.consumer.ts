// Consumer `provisioning-sim.task.created`: SOM asks for one network task of a service order. The handler only
// records it (idempotent per service order and task type); the runner executes it.
import { consumerQueue } from '@bss/contracts';
import { onEvent, type EventHandler, type SubscriptionSpec } from '@bss/events';
import type { ProvisioningDeps } from '../deps.ts';
import { createTaskIntake } from '../services/task-intake.service.ts';

export const TASK_CREATED_QUEUE = 'provisioning-sim.task.created';

export function taskCreatedConsumer(deps: ProvisioningDeps): { spec: SubscriptionSpec; handler: EventHandler } {
  const entry = consumerQueue(TASK_CREATED_QUEUE)!;
  const intake = createTaskIntake(deps);
  return {
    spec: { queue: entry.queue, bindings: [...entry.bindings], inboxSchema: entry.inboxSchema },
    handler: onEvent(['provisioning.task.created'], async (tx, event) => {
      await intake.accept(tx, event);
    }),
  };
}
