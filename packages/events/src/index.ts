// @bss/events: transactional outbox staging, the relay, safe consumers and the event buses.
export { createOutbox, notifyChannel, UncataloguedEvent, type EventCatalogLookup, type NewEvent, type Outbox, type PreparedEvent } from './outbox.ts';
export type { BatchEventHandler, BatchItem, BatchOptions, EventBus, EventHandler, EventPublisher, PublishItem, PublishOutcome, SubscriptionSpec } from './types.ts';
export { claimInbox, claimInboxMany, handleBatchOnce, handleOnce, type BatchEntry } from './inbox.ts';
export { batchPrefetch, createNaturalBatcher, DEFAULT_BATCH_CONCURRENCY, DEFAULT_BATCH_MAX, type NaturalBatcher } from './natural-batch.ts';
export { onEvent, onEvents, UnexpectedEvent, type TypedBatchItem, type TypedEnvelope } from './typed-handler.ts';
export { deliverShuffled, seededRandom, type ShuffledDeliveryOptions, type ShuffledDeliveryReport } from './delivery-harness.ts';
export { topicMatches, createInMemoryBus, type InMemoryBus } from './memory-bus.ts';
export { createInProcessBroker, installProcessBroker, processBroker, type BrokerConsumer, type BrokerMessage, type InProcessBroker } from './in-process-broker.ts';
export { createInProcessBus, type InProcessBus, type InProcessBusOptions } from './in-process-bus.ts';
export { createAmqpBus, type AmqpBus, type AmqpBusOptions, type AmqpBusStats, type DeclaredQueue } from './amqp-bus.ts';
export { createRelay, PIPELINE_DEPTH, type Relay, type RelayOptions } from './relay.ts';
export {
  ATTEMPT_HEADER,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_RETRY_DEADLINE_MS,
  FIRST_ATTEMPT_HEADER,
  PARK_ATTEMPTS_HEADER,
  PARK_REASON_HEADER,
} from './amqp-consumer.ts';
export { DEFAULT_RETRY_DELAYS_MS, delayLabel, parkedQueueOf, retryQueueOf, unroutedOf, type ExchangeState } from './topology.ts';
export { decideRetry, isTransient, type RetryDecision, type RetryInput } from './failure.ts';
export { outboxRowToEnvelope, type OutboxRow } from './outbox-row.ts';
export {
  BrokerUnavailable,
  requeuedHeaders,
  toParked,
  type StoredMessage,
  REQUEUE_COUNT_HEADER,
  type ParkedMessage,
  type ParkedMessages,
  type RequeueResult,
} from './parked.ts';
export { countRange, resetPublished, selectForRepublish, type RepublishCandidate, type RepublishSelection } from './replay.ts';
export { createRetentionWorker, type RetentionOptions, type RetentionReport, type RetentionWorker } from './retention.ts';
