// Consumer of `rating.usage.recorded`: rates each usage record once. The inbox row is claimed in the same
// transaction as the staged outcome, so a redelivered record is skipped and never rated (or decremented) twice.
import type { EventHandler, SubscriptionSpec } from '@bss/events';
import { onEvent } from '@bss/events';
import type { RatingService } from '../services/rating.service.ts';

export const USAGE_RECORDED_QUEUE: SubscriptionSpec = { queue: 'rating.usage.recorded', bindings: ['usage.recorded'], inboxSchema: 'rating' };

export function usageRecordedConsumer(ratings: RatingService): { spec: SubscriptionSpec; handler: EventHandler } {
  return { spec: USAGE_RECORDED_QUEUE, handler: onEvent(['usage.recorded'], (tx, event) => ratings.rateRecorded(tx, event.payload)) };
}
