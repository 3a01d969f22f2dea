// The one definition of a "live" subscription, shared by every service that guards on it (CRM's customer-close
// rule, payment's last-card rule). Live = the line still holds a number and renews or tops up against the card.

import type { SubscriptionState } from './index.ts';

/**
 * Subscription states that count as live: pending, active and blocked (a blocked line is exhausted, not gone: a
 * renewal or top-up revives it). An allow-list, so a state added later is not live until someone decides it is.
 */
export const LIVE_SUBSCRIPTION_STATES = ['pending', 'active', 'blocked'] as const satisfies readonly SubscriptionState[];

/** True when a subscription in `state` is live (see LIVE_SUBSCRIPTION_STATES). */
export function isLiveSubscription(state: string): boolean {
  return (LIVE_SUBSCRIPTION_STATES as readonly string[]).includes(state);
}
