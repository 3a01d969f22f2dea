// Events of the subscription service. Aggregate `subscription` (id = SUB-…), except a declined activation,
// which has no subscription: aggregate `product_order`, id = order id.
// The lifecycle events (usage, block, top-up, renewal, plan change, termination) join as they are built.
import { z } from 'zod';
import { id, iso, maybeId, money, spec } from './spec.ts';

export const subscriptionEvents = {
  'subscription.activated': spec('subscription', 'subscription', 'The activation charge was approved: the line is active with its bundle balances.', z.strictObject({
    subscriptionId: id,
    orderId: id,
    customerId: id,
    offeringId: id,
    msisdn: z.string(),
    iccid: z.string(),
    paymentId: id,
    amountCharged: money,
    currency: z.string(),
    periodStart: iso,
    periodEnd: iso,
  })),
  'subscription.activation_declined': spec('subscription', 'product_order', 'The activation charge was declined (or could not be made): no subscription; SOM tears the services down.', z.strictObject({
    orderId: id,
    customerId: id,
    offeringId: id,
    serviceOrderId: id,
    paymentId: maybeId,
    reason: z.string(),
    declineCode: z.string().nullable(),
  })),
};
