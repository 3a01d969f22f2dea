// Events of the subscription service. Aggregate `subscription` (id = SUB-…), except a declined activation,
// which has no subscription: aggregate `product_order`, id = order id.
// Lifecycle events: usage outcomes (exhausted, usage_rejected), block/unblock, VAS top-up, renewal (renewed,
// renew_failed, renewal_skipped, renewal_reminder), plan change and price migration, termination, receipts.
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
  'subscription.exhausted': spec('subscription', 'subscription', 'A rated usage took the primary (data) allowance to zero; the line is blocked in the same transaction. The part of the usage beyond the balance is the overage (recorded, never charged).', z.strictObject({
    subscriptionId: id,
    customerId: id,
    msisdn: z.string(),
    allowanceType: z.literal('data'),
    usageEventId: id,
    total: z.number().int(),
    consumed: z.number().int(),
    overageQuantity: z.number().int().nonnegative(),
  })),
  'subscription.blocked': spec('subscription', 'subscription', 'Service stopped: the primary allowance was exhausted or a renewal charge was declined. Only a renewal or a top-up that restores the allowance unblocks.', z.strictObject({
    subscriptionId: id,
    customerId: id,
    msisdn: z.string(),
    reason: z.enum(['exhausted', 'renew_failed']),
    previousState: z.string(),
  })),
  'subscription.usage_rejected': spec('subscription', 'subscription', 'A rated usage was not decremented (rule id in reason): roaming without a roaming balance, a terminated line, or no allowance of that type. The line state is untouched.', z.strictObject({
    subscriptionId: id,
    customerId: id,
    msisdn: z.string(),
    usageEventId: id,
    allowanceType: z.string(),
    consumedQuantity: z.number().int(),
    remaining: z.number().int().nullable(),
    reason: z.string().describe('rule id'),
  })),
};
