// Interfaces of the event plane: a publisher the relay uses, and a bus that also delivers to consumers.
import type { EventEnvelope } from '@bss/contracts';
import type { Tx } from '@bss/db';
import type { ParkedMessages } from './parked.ts';

/** One event to publish, with the traceparent of the request that staged it. */
export interface PublishItem {
  event: EventEnvelope;
  traceparent?: string | null;
}

/** How one publish of a batch ended: confirmed by the broker, or not (nack, return, closed channel, timeout). */
export type PublishOutcome = { ok: true } | { ok: false; error: string };

/** Sends events to the exchange; each resolves only once the broker confirmed it. */
export interface EventPublisher {
  publish(event: EventEnvelope, headers?: { traceparent?: string | null }): Promise<void>;
  /**
   * Publishes `items` in order without waiting between them and resolves once every confirm is in, with one
   * outcome per item (never rejects). Optional: the relay falls back to one `publish` at a time.
   */
  publishBatch?(items: PublishItem[]): Promise<PublishOutcome[]>;
}

/** A consumer's handler: runs inside the transaction that also claims the inbox row. Never commits. */
export type EventHandler = (tx: Tx, event: EventEnvelope) => Promise<void>;

/** One claimed event of a batch, with a way to run code in that event's own request context. */
export interface BatchItem {
  event: EventEnvelope;
  /**
   * Runs `fn` in this event's request context (actor, channel, causation = this event, its trace), so what `fn`
   * stages (or `outbox.prepare`s) is caused by this event. The batch handler already runs in its tenant's context.
   */
  within<T>(fn: () => T): T;
}

/**
 * A consumer's batch handler: runs inside the one transaction that claimed the inbox rows of all `items` — distinct
 * events of one tenant, in delivery order, none handled before. It must have the effect of the consumer's
 * `EventHandler` applied to each item in that order. Never commits; a throw rolls the whole batch back (the
 * consumer then handles the messages one at a time with the `EventHandler`).
 */
export type BatchEventHandler = (tx: Tx, items: BatchItem[]) => Promise<void>;

/** Opt-in natural batching of a subscription: messages already delivered are handled together. */
export interface BatchOptions {
  handler: BatchEventHandler;
  /** Most messages per batch (default 50). */
  maxSize?: number;
  /** Batches in flight at once per subscription (default 2). */
  concurrency?: number;
}

/** How a consumer is bound. */
export interface SubscriptionSpec {
  /** Durable queue name, e.g. `com.service_order.completed`; also the inbox `consumer` key. */
  queue: string;
  /** Routing keys (event types) bound to the queue; `#`/`*` wildcards allowed. */
  bindings: string[];
  /** Postgres schema holding the consumer's inbox table. */
  inboxSchema: string;
  /** Attempts before a message that failed permanently is parked in `<queue>.parked` (default 3). */
  maxAttempts?: number;
  /**
   * Delay tiers of the retry queues (`<queue>.retry.<delay>`), shortest first; attempt n waits tier n
   * (the last tier repeats). Default 1 s, 5 s, 30 s, 2 min, 5 min.
   */
  retryDelaysMs?: number[];
  /**
   * How long a transiently failing message keeps being retried, measured from its first attempt, before it is
   * parked (default: the bus's `retryDeadlineMs`, 15 min).
   */
  retryDeadlineMs?: number;
}

/** Publisher + subscriptions, with the same interface in memory (tests) and over AMQP (production). */
export interface EventBus extends EventPublisher {
  /**
   * Consumes `spec.queue` with `handler`. With `batch`, messages that are already delivered when the consumer is
   * free are handled together by `batch.handler` in one transaction (never waiting for more to arrive); a failed
   * batch is retried one message at a time with `handler`, so retry, parking and idempotency stay per message.
   */
  subscribe(spec: SubscriptionSpec, handler: EventHandler, batch?: BatchOptions): Promise<void>;
  /**
   * Opens the broker connection now instead of on first use, waiting at most `timeoutMs`. Resolves true when
   * connected; false means still connecting in the background (the service starts anyway; /ready says down).
   */
  connect(timeoutMs?: number): Promise<boolean>;
  /** True while the broker connection is up (always true in memory). */
  isConnected(): boolean;
  /** Queues this bus consumes (its subscriptions), in subscription order: the queues its operator may requeue. */
  subscribedQueues(): string[];
  /** Operator access to the parked messages of this bus's queues (admin replay routes). */
  readonly parkedMessages: ParkedMessages;
  close(): Promise<void>;
}
