// Events of COM (commercial order management, TMF622). Aggregate `product_order`, aggregate id = order id,
// correlationId = order id on every event of the order pipeline.
import { z } from 'zod';
import { id, iso, maybeId, PriceSnapshot, spec } from './spec.ts';

const order = { orderId: id, customerId: id };

export const comEvents = {
  'order.acknowledged': spec('com', 'product_order', 'An order was accepted with its price snapshot; fulfilment waits for submit.', z.strictObject({
    ...order,
    offeringId: id,
    msisdnPreference: z.string().nullable(),
    priceSnapshot: PriceSnapshot,
  })),
  'order.in_progress': spec('com', 'product_order', 'An order was submitted: SOM decomposes it; carries everything fulfilment and activation need.', z.strictObject({
    ...order,
    offeringId: id,
    msisdnPreference: z.string().nullable(),
    paymentMethodId: id,
    priceSnapshot: PriceSnapshot,
  })),
  'order.cancelled': spec('com', 'product_order', 'An order was cancelled before SOM started on it (anything reserved is released).', z.strictObject({
    ...order,
    previousState: z.string(),
    reason: z.string().nullable(),
  })),
  'order.completed': spec('com', 'product_order', 'The line is active: the order item carries its subscription.', z.strictObject({
    ...order,
    subscriptionId: id,
    msisdn: z.string(),
    iccid: z.string(),
  })),
  'order.failed': spec('com', 'product_order', 'Fulfilment or activation failed; nothing stays reserved and nothing is charged twice.', z.strictObject({
    ...order,
    cause: z.enum(['provisioning_failed', 'activation_declined', 'fulfilment_refused']),
    reason: z.string(),
    serviceOrderId: maybeId,
  })),
  'order.updated': spec('com', 'product_order', "An order's descriptive attributes (description, externalId, category, notes) changed through TMF622 PATCH.", z.strictObject({
    ...order,
    changed: z.array(z.string()),
  })),
  'order.stuck': spec('com', 'product_order', 'Operator backstop: an order stayed in progress past the threshold (flagged once, never auto-resolved).', z.strictObject({
    ...order,
    state: z.string(),
    inProgressSince: iso,
    thresholdMinutes: z.number().int(),
  })),
};
