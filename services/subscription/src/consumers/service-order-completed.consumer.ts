// Consumer of `service_order.completed` (queue subscription.service_order.completed): every provisioning task
// is done, so the line is charged and activated — or declined, and SOM tears the services down. Runs in the
// transaction that claims the inbox row; the activation use-case makes a second delivery of the same order
// (redelivered, republished, or concurrent under another event id) a no-op.
import { onEvent, type EventHandler } from '@bss/events';
import type { SubscriptionDeps } from '../deps.ts';
import { createActivation } from '../services/activation.service.ts';

export const SERVICE_ORDER_COMPLETED_QUEUE = {
  queue: 'subscription.service_order.completed',
  bindings: ['service_order.completed'],
  inboxSchema: 'subscription',
};

export function serviceOrderCompletedHandler(deps: SubscriptionDeps): EventHandler {
  const activation = createActivation(deps);
  return onEvent(['service_order.completed'], async (tx, event) => {
    const p = event.payload;
    const result = await activation.activate(
      tx,
      {
        orderId: p.orderId,
        customerId: p.customerId,
        offeringId: p.offeringId,
        msisdn: p.msisdn,
        iccid: p.iccid,
        paymentMethodId: p.paymentMethodId,
        priceSnapshot: p.priceSnapshot,
        serviceOrderId: p.serviceOrderId,
        cfsServiceId: p.cfsServiceId,
      },
      { recordDecline: true },
    );
    deps.logger.info({ orderId: p.orderId, outcome: result.outcome, replayed: result.replayed, eventId: event.eventId }, 'activation handled');
  });
}
