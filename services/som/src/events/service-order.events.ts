// Event builders of the service order aggregate (and the provisioning tasks it requests). Every event of an
// order's flow carries correlationId = the commercial order id.
import type { ProvisioningTaskType } from '@bss/contracts';
import type { NewEvent } from '@bss/events';
import type { ServiceOrderRow, ServiceRow } from '../schema.ts';

const so = (o: ServiceOrderRow) => ({ serviceOrderId: o.id, orderId: o.orderId, customerId: o.customerId! });
const base = (o: ServiceOrderRow) => ({ aggregateType: 'service_order', aggregateId: o.id, correlationId: o.orderId });

export function serviceOrderInProgress(o: ServiceOrderRow, cfs: ServiceRow): NewEvent<'service_order.in_progress'> {
  return { eventType: 'service_order.in_progress', ...base(o), payload: { ...so(o), cfsServiceId: cfs.id, msisdn: cfs.msisdn!, iccid: cfs.iccid! } };
}

export function provisioningTaskCreated(o: ServiceOrderRow, cfs: ServiceRow, taskType: ProvisioningTaskType): NewEvent<'provisioning.task.created'> {
  return {
    eventType: 'provisioning.task.created',
    aggregateType: 'provisioning_task',
    aggregateId: `${o.id}:${taskType}`,
    correlationId: o.orderId,
    payload: { ...so(o), serviceId: cfs.id, taskType, offeringId: o.offeringId!, msisdn: cfs.msisdn!, iccid: cfs.iccid!, imsi: cfs.imsi! },
  };
}

export function serviceOrderCompleted(o: ServiceOrderRow, cfs: ServiceRow): NewEvent<'service_order.completed'> {
  return {
    eventType: 'service_order.completed',
    ...base(o),
    payload: {
      ...so(o),
      offeringId: o.offeringId!,
      cfsServiceId: cfs.id,
      msisdn: cfs.msisdn!,
      iccid: cfs.iccid!,
      paymentMethodId: o.paymentMethodId!,
      priceSnapshot: o.priceSnapshot!,
    },
  };
}

export function serviceOrderFailed(o: ServiceOrderRow, reason: string, failedTaskType: ProvisioningTaskType | null): NewEvent<'service_order.failed'> {
  return { eventType: 'service_order.failed', ...base(o), payload: { ...so(o), reason, failedTaskType } };
}

export function serviceOrderCancelled(o: ServiceOrderRow, previousState: string | null): NewEvent<'service_order.cancelled'> {
  return { eventType: 'service_order.cancelled', ...base(o), payload: { serviceOrderId: o.id, orderId: o.orderId, customerId: o.customerId, previousState } };
}

export function serviceOrderTornDown(o: ServiceOrderRow, cfs: ServiceRow, reason: string): NewEvent<'service_order.torn_down'> {
  return { eventType: 'service_order.torn_down', ...base(o), payload: { ...so(o), cfsServiceId: cfs.id, msisdn: cfs.msisdn!, iccid: cfs.iccid!, reason } };
}

export function serviceOrderAwaitingOperator(
  o: ServiceOrderRow,
  task: { taskId: string; taskType: ProvisioningTaskType; taskState: 'stuck' | 'failed'; reason: string },
): NewEvent<'service_order.awaiting_operator'> {
  return { eventType: 'service_order.awaiting_operator', ...base(o), payload: { ...so(o), ...task } };
}

export function serviceSubscriptionLinked(o: ServiceOrderRow, cfs: ServiceRow, subscriptionId: string, linked: string[], previous: string | null): NewEvent<'service.subscription_linked'> {
  return {
    eventType: 'service.subscription_linked',
    aggregateType: 'service',
    aggregateId: cfs.id,
    correlationId: o.orderId,
    payload: { ...so(o), cfsServiceId: cfs.id, subscriptionId, linkedServiceIds: linked, previousSubscriptionId: previous },
  };
}
