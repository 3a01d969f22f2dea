// The /com-api/v1 view of an order: camelCase, snake_case states as in the events, every fact COM keeps
// (price snapshot, card, fulfilment links, failure cause, the stuck flag). For the CLI, the agent and CRM.
import { z } from 'zod';
import { LIMITS, Text } from '../common/limits.ts';

export const OrderState = z.enum(['acknowledged', 'in_progress', 'completed', 'failed', 'cancelled']);
export type OrderState = z.infer<typeof OrderState>;

export const Order = z
  .object({
    id: z.string(),
    href: z.string().describe('The TMF622 href'),
    customerId: z.string(),
    state: OrderState,
    offeringId: z.string(),
    priceSnapshot: z.object({ priceId: z.string(), amount: z.string().describe('decimal string'), currency: z.string() }),
    paymentMethodId: z.string(),
    msisdnPreference: z.string().nullable(),
    subscriptionId: z.string().nullable(),
    msisdn: z.string().nullable(),
    iccid: z.string().nullable(),
    serviceOrderId: z.string().nullable(),
    orderDate: z.string(),
    submittedAt: z.string().nullable(),
    completionDate: z.string().nullable(),
    cancellationDate: z.string().nullable(),
    cancellationReason: z.string().nullable(),
    failureCause: z.enum(['provisioning_failed', 'activation_declined', 'fulfilment_refused']).nullable(),
    failureReason: z.string().nullable(),
    stuckFlaggedAt: z.string().nullable().describe('Set once by the sweeper; an operator resolves it'),
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof Order>;

/** Body of POST /com-api/v1/order/{id}/cancel. */
export const OrderCancelRequest = z.strictObject({ reason: Text(LIMITS.line).optional() }).meta({ id: 'OrderCancelRequest' });
export type OrderCancelRequest = z.infer<typeof OrderCancelRequest>;

/** Answer of GET /com-api/v1/customer/{id}/open-orders (CRM's customer DELETE guard). */
export const OpenOrders = z
  .object({ customerId: z.string(), orderIds: z.array(z.string()).describe('Orders still acknowledged or in progress, newest first') })
  .meta({ id: 'OpenOrders' });
export type OpenOrders = z.infer<typeof OpenOrders>;
