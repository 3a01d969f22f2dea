// Consumer of `usage.rated` (queue subscription.usage.rated): decrements the bundle balance and blocks on
// exhaust, in the transaction that claims the inbox row — a redelivered event never decrements twice, and the
// usage record's own id (usage_consumption) guards a record rated twice under different event ids.
import { onEvent, type EventHandler } from '@bss/events';
import type { SubscriptionDeps } from '../deps.ts';
import { createUsageApplier } from '../services/usage.service.ts';

export const USAGE_RATED_QUEUE = {
  queue: 'subscription.usage.rated',
  bindings: ['usage.rated'],
  inboxSchema: 'subscription',
};

export function usageRatedHandler(deps: SubscriptionDeps): EventHandler {
  const usage = createUsageApplier(deps);
  return onEvent(['usage.rated'], async (tx, event) => {
    const outcome = await usage.apply(tx, event.payload);
    // An unknown line (another tenant's id, or a line this service never had) has nothing to decrement.
    const log = outcome === 'unknown_subscription' ? deps.logger.warn.bind(deps.logger) : deps.logger.debug.bind(deps.logger);
    log({ subscriptionId: event.payload.subscriptionId, usageEventId: event.payload.usageEventId, outcome, eventId: event.eventId }, 'usage.rated handled');
  });
}
