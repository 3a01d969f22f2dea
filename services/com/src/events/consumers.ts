// COM's consumers, bound exactly as CONSUMER_QUEUES declares them (queue, binding, inbox schema order_mgmt).
import type { EventHandler, SubscriptionSpec } from '@bss/events';
import { onEvent } from '@bss/events';
import type { ComDeps } from '../deps.ts';
import { createOrderFulfilment } from '../services/order-fulfilment.service.ts';

export const INBOX_SCHEMA = 'order_mgmt';

export function comConsumers(deps: ComDeps): { spec: SubscriptionSpec; handler: EventHandler }[] {
  const f = createOrderFulfilment(deps);
  return [
    {
      spec: { queue: 'com.service_order.failed', bindings: ['service_order.failed'], inboxSchema: INBOX_SCHEMA },
      handler: onEvent(['service_order.failed'], (tx, e) => f.serviceOrderFailed(tx, e.payload)),
    },
    {
      spec: { queue: 'com.subscription.activated', bindings: ['subscription.activated'], inboxSchema: INBOX_SCHEMA },
      handler: onEvent(['subscription.activated'], (tx, e) => f.activated(tx, e.payload)),
    },
    {
      spec: { queue: 'com.subscription.activation_declined', bindings: ['subscription.activation_declined'], inboxSchema: INBOX_SCHEMA },
      handler: onEvent(['subscription.activation_declined'], (tx, e) => f.activationDeclined(tx, e.payload)),
    },
  ];
}
