// Events of SOM (service order management, TMF641/638). Aggregate `service_order` (id = SO id) except the
// provisioning tasks it requests (aggregate `provisioning_task`, id = `<serviceOrderId>:<taskType>`).
// No event carries an eSIM activation code: SOM and subscription read it from inventory over HTTP.
import { z } from 'zod';
import { id, maybeId, PriceSnapshot, spec } from './spec.ts';

/** The four network tasks of a mobile-broadband activation, in the order SOM requests them. */
export const PROVISIONING_TASK_TYPES = ['HLR_PROVISION', 'PCRF_POLICY_PUSH', 'OCS_BALANCE_INIT', 'ESIM_PROFILE_PREPARE'] as const;
export const ProvisioningTaskType = z.enum(PROVISIONING_TASK_TYPES);
export type ProvisioningTaskType = z.infer<typeof ProvisioningTaskType>;

const so = { serviceOrderId: id, orderId: id, customerId: id };

export const somEvents = {
  'service_order.in_progress': spec('som', 'service_order', 'Inventory is reserved and the provisioning tasks are requested.', z.strictObject({
    ...so,
    cfsServiceId: id,
    msisdn: z.string(),
    iccid: z.string(),
  })),
  'provisioning.task.created': spec('som', 'provisioning_task', 'SOM asks the network (provisioning) to run one task of a service order.', z.strictObject({
    ...so,
    serviceId: id,
    taskType: ProvisioningTaskType,
    offeringId: id,
    msisdn: z.string(),
    iccid: z.string(),
    imsi: z.string(),
  })),
  'service_order.completed': spec('som', 'service_order', 'Every task completed: the subscription service activates (charges) the line.', z.strictObject({
    ...so,
    offeringId: id,
    cfsServiceId: id,
    msisdn: z.string(),
    iccid: z.string(),
    paymentMethodId: id,
    priceSnapshot: PriceSnapshot,
  })),
  'service_order.failed': spec('som', 'service_order', 'A task failed permanently (or inventory refused): services failed, MSISDN released, eSIM released.', z.strictObject({
    ...so,
    reason: z.string(),
    failedTaskType: ProvisioningTaskType.nullable(),
  })),
  'service_order.cancelled': spec('som', 'service_order', 'COM cancelled the order before SOM started; nothing stays reserved.', z.strictObject({
    ...so,
    // null on a tombstone: the cancel reached SOM before the order did, and COM did not name the customer
    customerId: maybeId,
    previousState: z.string().nullable(),
  })),
  'service_order.torn_down': spec('som', 'service_order', 'Activation was declined after provisioning: services terminated, MSISDN released, eSIM recycled.', z.strictObject({
    ...so,
    cfsServiceId: id,
    msisdn: z.string(),
    iccid: z.string(),
    reason: z.string(),
  })),
  'service_order.awaiting_operator': spec('som', 'service_order', 'A provisioning task is stuck or failed retryably: the service order waits for an operator (resolve, retry or abandon).', z.strictObject({
    ...so,
    taskId: id,
    taskType: ProvisioningTaskType,
    taskState: z.enum(['stuck', 'failed']),
    reason: z.string(),
  })),
  'service.subscription_linked': spec('som', 'service', 'The services of an activated order now carry their subscription id.', z.strictObject({
    ...so,
    cfsServiceId: id,
    subscriptionId: id,
    linkedServiceIds: z.array(id),
    previousSubscriptionId: maybeId,
  })),
};
