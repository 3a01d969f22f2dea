// Subscription ids. An order's subscription id is derived from (tenant, order id) instead of drawn at random:
// the activation calls inventory (assign the number to the subscription) before its own transaction commits, so a
// retry after a failed commit must name the same subscription, or the inventory's idempotent replay would hand
// back a number assigned to an id that never came to exist. Same alphabet and length as mintId.
import { createHash } from 'node:crypto';
import { ID_ALPHABET, ID_RANDOM_CHARS, mintId } from '@bss/contracts';

export const SUBSCRIPTION_PREFIX = 'SUB';

/** The subscription id of an order's activation: stable across retries, 100 bits of a SHA-256. */
export function subscriptionIdForOrder(tenant: string, orderId: string): string {
  const digest = createHash('sha256').update(`bss.subscription:${tenant}:${orderId}`).digest();
  let out = `${SUBSCRIPTION_PREFIX}-`;
  for (let i = 0; i < ID_RANDOM_CHARS; i++) out += ID_ALPHABET[digest[i]! & 31];
  return out;
}

/** A fresh id for an operator create without an order. */
export const mintSubscriptionId = (): string => mintId(SUBSCRIPTION_PREFIX);
