// SOM's own camelCase view of a service order (`/som-api/v1`): the order, its services and the task progress in
// one document, for the CLI, the agent and COM (looked up by the commercial order id).
import { z } from 'zod';
import { PROVISIONING_TASK_TYPES } from '../events/som.events.ts';

const at = z.string().nullable();

export const SomServiceOrderState = z.enum(['acknowledged', 'in_progress', 'completed', 'failed', 'cancelled', 'torn_down']);
export const SomServiceState = z.enum(['designed', 'reserved', 'activated', 'terminated', 'failed']);
export const SomTaskState = z.enum(['pending', 'completed', 'failed', 'stuck']);

export const SomService = z.object({
  id: z.string(),
  kind: z.enum(['CFS', 'RFS']),
  specId: z.string(),
  parentServiceId: z.string().nullable(),
  state: SomServiceState,
  subscriptionId: z.string().nullable(),
  msisdn: z.string().nullable(),
  iccid: z.string().nullable(),
  imsi: z.string().nullable(),
  activationCode: z.string().nullable(),
  activatedAt: at,
  endedAt: at,
});

export const SomTask = z.object({
  taskType: z.enum(PROVISIONING_TASK_TYPES),
  state: SomTaskState,
  taskId: z.string().nullable(),
  lastError: z.string().nullable(),
  updatedAt: z.string(),
});

export const SomServiceOrder = z
  .object({
    id: z.string(),
    orderId: z.string(),
    customerId: z.string().nullable(),
    offeringId: z.string().nullable(),
    state: SomServiceOrderState,
    stateReason: z.string().nullable(),
    failedTaskType: z.enum(PROVISIONING_TASK_TYPES).nullable(),
    msisdn: z.string().nullable(),
    iccid: z.string().nullable(),
    paymentMethodId: z.string().nullable(),
    priceSnapshot: z.object({ priceId: z.string(), amount: z.string(), currency: z.string() }).nullable(),
    orderDate: z.string(),
    startedAt: at,
    completedAt: at,
    endedAt: at,
    services: z.array(SomService),
    tasks: z.array(SomTask),
  });
export type SomServiceOrder = z.infer<typeof SomServiceOrder>;
