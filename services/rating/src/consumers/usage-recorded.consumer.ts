// Consumer of `rating.usage.recorded`: rates each usage record once. The inbox row is claimed in the same
// transaction as the staged outcome, so a redelivered record is skipped and never rated (or decremented) twice.
// Records already delivered together are rated in one transaction (natural batching, @bss/events).
import type { BatchOptions, EventHandler, SubscriptionSpec } from '@bss/events';
import { onEvent, onEvents } from '@bss/events';
import type { RatingService } from '../services/rating.service.ts';

export const USAGE_RECORDED_QUEUE: SubscriptionSpec = { queue: 'rating.usage.recorded', bindings: ['usage.recorded'], inboxSchema: 'rating' };

export function usageRecordedConsumer(ratings: RatingService): { spec: SubscriptionSpec; handler: EventHandler; batch: BatchOptions } {
  return {
    spec: USAGE_RECORDED_QUEUE,
    handler: onEvent(['usage.recorded'], (tx, event) => ratings.rateRecorded(tx, event.payload)),
    batch: {
      handler: onEvents(['usage.recorded'], (tx, items) =>
        ratings.rateRecordedMany(
          tx,
          items.map((i) => ({ recorded: i.event.payload, within: i.within })),
        ),
      ),
    },
  };
}
