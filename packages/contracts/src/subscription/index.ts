// Wire shapes of the subscription API (the parts other services already consume). Minimal on purpose:
// the subscription service extends `Subscription` when it lands; consumers parse only what they use.
import { z } from 'zod';

/** Subscription lifecycle state. */
export const SubscriptionState = z.enum(['pending', 'active', 'blocked', 'terminated']);
export type SubscriptionState = z.infer<typeof SubscriptionState>;

/** A subscription as listed by `GET /subscription-api/v1/subscription?customerId=` (fields consumers rely on). */
export const Subscription = z
  .object({
    id: z.string().describe('Prefixed id, e.g. SUB-0001'),
    customerId: z.string().describe('Owning customer, e.g. CUST-1a2b3c4d'),
    state: SubscriptionState,
  })
  .meta({ id: 'Subscription' });
export type Subscription = z.infer<typeof Subscription>;

export { isLiveSubscription, LIVE_SUBSCRIPTION_STATES } from './live.ts';
