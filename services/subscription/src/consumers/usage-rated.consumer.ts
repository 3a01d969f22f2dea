// Consumer of `usage.rated` (queue subscription.usage.rated): decrements the bundle balance and blocks on
// exhaust, in the transaction that claims the inbox rows — a redelivered event never decrements twice, and the
// usage record's own id (usage_consumption) guards a record rated twice under different event ids. Batching:
// usages already delivered together are applied in one transaction, one lock per line (services/usage.service.ts).
import { onEvent, onEvents, type BatchOptions, type EventHandler } from '@bss/events';
import type { SubscriptionDeps } from '../deps.ts';
import { createUsageApplier, type UsageOutcome } from '../services/usage.service.ts';

export const USAGE_RATED_QUEUE = {
  queue: 'subscription.usage.rated',
  bindings: ['usage.rated'],
  inboxSchema: 'subscription',
};

/** The one-at-a-time handler and the batch handler of the queue (the same use-case). */
export function usageRatedConsumer(deps: SubscriptionDeps): { handler: EventHandler; batch: BatchOptions } {
  const usage = createUsageApplier(deps);
  const logged = (subscriptionId: string, usageEventId: string, eventId: string, outcome: UsageOutcome) => {
    // An unknown line (another tenant's id, or a line this service never had) has nothing to decrement.
    const log = outcome === 'unknown_subscription' ? deps.logger.warn.bind(deps.logger) : deps.logger.debug.bind(deps.logger);
    log({ subscriptionId, usageEventId, outcome, eventId }, 'usage.rated handled');
  };
  const handler = onEvent(['usage.rated'], async (tx, event) => {
    logged(event.payload.subscriptionId, event.payload.usageEventId, event.eventId, await usage.apply(tx, event.payload));
  });
  return {
    handler,
    batch: {
      handler: onEvents(['usage.rated'], async (tx, items) => {
        const outcomes = await usage.applyMany(
          tx,
          items.map((i) => ({ usage: i.event.payload, within: i.within })),
        );
        items.forEach((i, n) => logged(i.event.payload.subscriptionId, i.event.payload.usageEventId, i.event.eventId, outcomes[n]!));
      }),
    },
  };
}

/** The one-at-a-time handler (kept for callers that deliver events themselves, e.g. the delivery harness). */
export function usageRatedHandler(deps: SubscriptionDeps): EventHandler {
  return usageRatedConsumer(deps).handler;
}
