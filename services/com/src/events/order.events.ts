// Event builders of product orders (payloads declared in @bss/contracts com.events.ts). Every event of an
// order's flow carries correlationId = the order id.
import type { NewEvent } from '@bss/events';
import type { OrderWithItem } from '../schema.ts';

const base = (orderId: string) => ({ aggregateType: 'product_order', aggregateId: orderId, correlationId: orderId });
const snapshot = ({ item }: OrderWithItem) => ({ priceId: item.priceId, amount: item.priceAmount, currency: item.priceCurrency });

export const orderEvents = {
  acknowledged: (o: OrderWithItem): NewEvent<'order.acknowledged'> => ({
    eventType: 'order.acknowledged',
    ...base(o.order.id),
    payload: { orderId: o.order.id, customerId: o.order.customerId, offeringId: o.item.offeringId, msisdnPreference: o.order.msisdnPreference, priceSnapshot: snapshot(o) },
  }),
  inProgress: (o: OrderWithItem): NewEvent<'order.in_progress'> => ({
    eventType: 'order.in_progress',
    ...base(o.order.id),
    payload: {
      orderId: o.order.id,
      customerId: o.order.customerId,
      offeringId: o.item.offeringId,
      msisdnPreference: o.order.msisdnPreference,
      paymentMethodId: o.order.paymentMethodId,
      priceSnapshot: snapshot(o),
    },
  }),
  cancelled: (o: OrderWithItem, previousState: string): NewEvent<'order.cancelled'> => ({
    eventType: 'order.cancelled',
    ...base(o.order.id),
    payload: { orderId: o.order.id, customerId: o.order.customerId, previousState, reason: o.order.cancellationReason },
  }),
  completed: (o: OrderWithItem): NewEvent<'order.completed'> => ({
    eventType: 'order.completed',
    ...base(o.order.id),
    payload: { orderId: o.order.id, customerId: o.order.customerId, subscriptionId: o.item.subscriptionId!, msisdn: o.item.msisdn!, iccid: o.item.iccid! },
  }),
  failed: (o: OrderWithItem): NewEvent<'order.failed'> => ({
    eventType: 'order.failed',
    ...base(o.order.id),
    payload: {
      orderId: o.order.id,
      customerId: o.order.customerId,
      cause: o.order.failureCause!,
      reason: o.order.failureReason ?? o.order.failureCause!,
      serviceOrderId: o.order.serviceOrderId,
    },
  }),
  stuck: (o: { id: string; customerId: string; submittedAt: Date }, thresholdMinutes: number): NewEvent<'order.stuck'> => ({
    eventType: 'order.stuck',
    ...base(o.id),
    payload: { orderId: o.id, customerId: o.customerId, state: 'in_progress', inProgressSince: o.submittedAt.toISOString(), thresholdMinutes },
  }),
};

export const orderUpdated = (o: OrderWithItem, changed: string[]): NewEvent<'order.updated'> => ({
  eventType: 'order.updated',
  ...base(o.order.id),
  payload: { orderId: o.order.id, customerId: o.order.customerId, changed },
});
