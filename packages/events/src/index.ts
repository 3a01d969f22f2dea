// @bss/events: transactional outbox staging, the relay, safe consumers and the event buses.
export { createOutbox, notifyChannel, type NewEvent, type Outbox } from './outbox.ts';
export type { EventBus, EventHandler, EventPublisher, SubscriptionSpec } from './types.ts';
export { claimInbox, handleOnce } from './inbox.ts';
export { topicMatches, createInMemoryBus, type InMemoryBus } from './memory-bus.ts';
export { createAmqpBus, type AmqpBusOptions } from './amqp-bus.ts';
export { createRelay, type Relay, type RelayOptions } from './relay.ts';
export {
  ATTEMPT_HEADER,
  PARK_ATTEMPTS_HEADER,
  PARK_REASON_HEADER,
  parkedQueueOf,
  retryQueueOf,
} from './amqp-consumer.ts';
export { outboxRowToEnvelope, type OutboxRow } from './outbox-row.ts';
export {
  BrokerUnavailable,
  REQUEUE_COUNT_HEADER,
  type ParkedMessage,
  type ParkedMessages,
  type RequeueResult,
} from './parked.ts';
export { countRange, resetPublished, selectForRepublish, type RepublishCandidate, type RepublishSelection } from './replay.ts';
export { createRetentionWorker, type RetentionOptions, type RetentionReport, type RetentionWorker } from './retention.ts';
