// Interfaces of the event plane: a publisher the relay uses, and a bus that also delivers to consumers.
import type { EventEnvelope } from '@bss/contracts';
import type { Tx } from '@bss/db';
import type { ParkedMessages } from './parked.ts';

/** Sends one event to the exchange and resolves only once the broker confirmed it. */
export interface EventPublisher {
  publish(event: EventEnvelope, headers?: { traceparent?: string | null }): Promise<void>;
}

/** A consumer's handler: runs inside the transaction that also claims the inbox row. Never commits. */
export type EventHandler = (tx: Tx, event: EventEnvelope) => Promise<void>;

/** How a consumer is bound. */
export interface SubscriptionSpec {
  /** Durable queue name, e.g. `com.service_order.completed`; also the inbox `consumer` key. */
  queue: string;
  /** Routing keys (event types) bound to the queue; `#`/`*` wildcards allowed. */
  bindings: string[];
  /** Postgres schema holding the consumer's inbox table. */
  inboxSchema: string;
  /** Attempts before a message is parked in `<queue>.parked` (default 5). */
  maxAttempts?: number;
  /** Delay before a failed message is retried (default 5000 ms). */
  retryDelayMs?: number;
}

/** Publisher + subscriptions, with the same interface in memory (tests) and over AMQP (production). */
export interface EventBus extends EventPublisher {
  subscribe(spec: SubscriptionSpec, handler: EventHandler): Promise<void>;
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
