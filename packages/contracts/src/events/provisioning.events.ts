// Events of the provisioning simulator (TMF640). Aggregate `provisioning_task`, id = task id (PTK-…).
import { z } from 'zod';
import { id, iso, spec } from './spec.ts';
import { ProvisioningTaskType } from './som.events.ts';

const task = {
  taskId: id,
  serviceOrderId: id,
  orderId: id,
  serviceId: id,
  taskType: ProvisioningTaskType,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
};

export const provisioningEvents = {
  'provisioning.task.completed': spec('provisioning-sim', 'provisioning_task', 'The network task succeeded.', z.strictObject({ ...task, completedAt: iso })),
  // permanent: true → SOM fails the service order (teardown, order failed). false → the automatic attempts are
  // spent on a retryable error: the order waits for an operator to retry (→ completed) or abandon (→ permanent).
  'provisioning.task.failed': spec('provisioning-sim', 'provisioning_task', 'The task failed on its final attempt: permanently (the order fails) or retryably (an operator retries or abandons it).', z.strictObject({
    ...task,
    lastError: z.string(),
    permanent: z.boolean(),
  })),
  'provisioning.task.stuck': spec('provisioning-sim', 'provisioning_task', 'The task hangs until an operator resolves it.', z.strictObject({ ...task, startedAt: iso })),
  'provisioning.task.retried': spec('provisioning-sim', 'provisioning_task', 'An operator retried a failed task.', z.strictObject({ ...task, previousState: z.string() })),
  'provisioning.task.abandoned': spec('provisioning-sim', 'provisioning_task', 'An operator gave up on a failed or stuck task (with a note); a permanent failure follows.', z.strictObject({ ...task, previousState: z.string(), note: z.string() })),
  'provisioning.task.resolved': spec('provisioning-sim', 'provisioning_task', 'An operator resolved a stuck task (with a note); it runs again.', z.strictObject({ ...task, note: z.string() })),
  'provisioning.fault_injection.updated': spec('provisioning-sim', 'fault_injection', 'An operator changed a fault-injection rule.', z.strictObject({
    faultId: id,
    taskType: ProvisioningTaskType.nullable(),
    mode: z.enum(['fail_first_attempt', 'fail_always', 'stuck', 'slow']),
    probability: z.string().describe('decimal string 0..1'),
    permanent: z.boolean().describe('fail_always only: whether the exhausted task fails the order (true) or waits for an operator (false)'),
    enabled: z.boolean(),
  })),
};
