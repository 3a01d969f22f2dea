// The in-process broker: what RabbitMQ is to the AMQP bus, for every service running in one Node process
// (`make up` on a machine without RabbitMQ). It keeps RabbitMQ's model so events flow between services the
// same way: topic exchanges with bindings matched by `topicMatches`, queues that exist once declared and
// hold messages until a consumer takes them, per-queue delivery with a prefetch window and round-robin
// between consumers, delay tiers (a timer per retried copy, returning it to its own queue only), a parked
// list per queue and an unrouted list per exchange (the alternate exchange's catch).
//
// Not durable: messages still queued, waiting for a retry or parked live in this process's memory and are
// gone when it stops. The outbox keeps every event, so an operator can re-publish them
// (`/admin-api/v1/events/republish`); `idle()` lets a clean shutdown drain the queues first.
import { topicMatches } from '@bss/contracts';
import type { MessagePropertyHeaders } from 'amqplib';
import type { StoredMessage } from './parked.ts';

/** A message in a queue: the JSON body and AMQP-style properties (messageId = eventId, type = eventType). */
export interface BrokerMessage extends StoredMessage {
  properties: { messageId?: string; type?: string; appId?: string; headers: MessagePropertyHeaders };
}

/** A consumer attached to a queue: the broker calls `deliver` at most `prefetch` times concurrently. */
export interface BrokerConsumer {
  prefetch: number;
  /** Handles one message and settles it itself (ack by returning, or `retry`/`park`/`requeue` first). */
  deliver(message: BrokerMessage): Promise<void>;
}

interface Queue {
  name: string;
  ready: BrokerMessage[];
  parked: BrokerMessage[];
  consumers: { consumer: BrokerConsumer; inFlight: number }[];
  /** Index of the consumer that gets the next message (round-robin, as RabbitMQ does). */
  next: number;
}

/** One broker per process; every service's in-process bus is a client of it. */
export interface InProcessBroker {
  /** Declares `queue` (idempotent) and binds it to `exchange` with each pattern. */
  declareQueue(exchange: string, queue: string, bindings: readonly string[]): void;
  /** Routes a message by `routingKey` to every bound queue; none matched: it goes to the exchange's unrouted list. Returns the queues it reached. */
  publish(exchange: string, routingKey: string, message: BrokerMessage): string[];
  /** Puts a copy straight into `queue` (the default exchange): requeues and expired retries. */
  sendToQueue(queue: string, message: BrokerMessage): void;
  /** Returns `message` to `queue` after `delayMs` (a retry tier). */
  delay(queue: string, message: BrokerMessage, delayMs: number): void;
  /** Appends `message` to the parked list of `queue`. */
  park(queue: string, message: BrokerMessage): void;
  /** The parked list of `queue`, in parking order (live: the caller may splice it). */
  parked(queue: string): BrokerMessage[];
  /** The latest messages no binding of `exchange` matched (at most UNROUTED_KEPT). */
  unrouted(exchange: string): readonly BrokerMessage[];
  /** Starts delivering `queue` to `consumer`; returns the function that detaches it. */
  consume(queue: string, consumer: BrokerConsumer): () => void;
  /** Ready messages of `queue` not yet delivered. */
  depth(queue: string): number;
  /** Resolves true once no queue holds a ready or in-flight message (pending retries excepted), false after `timeoutMs`. */
  idle(timeoutMs: number): Promise<boolean>;
  /** Drops pending retry timers (their messages are lost, see the header). */
  close(): void;
}

/** Unrouted messages kept per exchange (the oldest go first). */
export const UNROUTED_KEPT = 1000;

const EXISTS = (queue: string) => new Error(`queue ${queue} is not declared on the in-process broker`);

/** Creates an empty broker. */
export function createInProcessBroker(): InProcessBroker {
  const queues = new Map<string, Queue>();
  // exchange → (queue → binding patterns)
  const bindings = new Map<string, Map<string, Set<string>>>();
  const unroutedBy = new Map<string, BrokerMessage[]>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const idleWaiters = new Set<() => void>();

  const queueOf = (name: string): Queue => {
    const q = queues.get(name);
    if (!q) throw EXISTS(name);
    return q;
  };

  const busy = () => [...queues.values()].some((q) => q.ready.length > 0 && q.consumers.length > 0) || [...queues.values()].some((q) => q.consumers.some((c) => c.inFlight > 0));

  function settled(): void {
    if (busy()) return;
    for (const wake of idleWaiters) wake();
    idleWaiters.clear();
  }

  /** Hands ready messages to consumers with room in their prefetch window, round-robin. */
  function pump(q: Queue): void {
    while (q.ready.length > 0) {
      const n = q.consumers.length;
      let picked: Queue['consumers'][number] | undefined;
      for (let i = 0; i < n && !picked; i++) {
        const c = q.consumers[(q.next + i) % n]!;
        if (c.inFlight < c.consumer.prefetch) {
          picked = c;
          q.next = (q.next + i + 1) % n;
        }
      }
      if (!picked) return;
      const message = q.ready.shift()!;
      const slot = picked;
      slot.inFlight++;
      // Deliveries run on their own turn, like a broker's: a publisher never runs its consumers' handlers.
      void Promise.resolve()
        .then(() => slot.consumer.deliver(message))
        .catch(() => {
          // A consumer that throws has not settled the message: it goes back to the head of its queue, as an
          // unacked message of a closed channel does.
          q.ready.unshift(message);
        })
        .finally(() => {
          slot.inFlight--;
          pump(q);
          settled();
        });
    }
  }

  function enqueue(q: Queue, message: BrokerMessage): void {
    q.ready.push(message);
    pump(q);
  }

  return {
    declareQueue(exchange, queue, patterns) {
      if (!queues.has(queue)) queues.set(queue, { name: queue, ready: [], parked: [], consumers: [], next: 0 });
      const byQueue = bindings.get(exchange) ?? new Map<string, Set<string>>();
      bindings.set(exchange, byQueue);
      const set = byQueue.get(queue) ?? new Set<string>();
      byQueue.set(queue, set);
      for (const p of patterns) set.add(p);
    },

    publish(exchange, routingKey, message) {
      const reached = [...(bindings.get(exchange) ?? new Map<string, Set<string>>()).entries()]
        .filter(([, patterns]) => [...patterns].some((p) => topicMatches(p, routingKey)))
        .map(([queue]) => queue);
      if (reached.length === 0) {
        const list = unroutedBy.get(exchange) ?? [];
        unroutedBy.set(exchange, list);
        list.push(message);
        // Kept for inspection, not forever: a long local run must not grow without bound.
        if (list.length > UNROUTED_KEPT) list.shift();
      }
      // Each queue gets its own copy, as RabbitMQ's fan-out to bound queues does (headers change per queue).
      for (const queue of reached) enqueue(queueOf(queue), copy(message));
      return reached;
    },

    sendToQueue(queue, message) {
      enqueue(queueOf(queue), message);
    },

    delay(queue, message, delayMs) {
      const q = queueOf(queue);
      const timer = setTimeout(() => {
        timers.delete(timer);
        enqueue(q, message);
      }, delayMs);
      // A pending retry does not keep the process alive (it is lost on exit, like every in-memory message).
      timer.unref();
      timers.add(timer);
    },

    park(queue, message) {
      queueOf(queue).parked.push(message);
    },

    parked: (queue) => queueOf(queue).parked,

    unrouted: (exchange) => unroutedBy.get(exchange) ?? [],

    consume(queue, consumer) {
      const q = queueOf(queue);
      const slot = { consumer, inFlight: 0 };
      q.consumers.push(slot);
      pump(q);
      return () => {
        const i = q.consumers.indexOf(slot);
        if (i >= 0) q.consumers.splice(i, 1);
        q.next = 0;
        // Messages left without a consumer no longer count as work in progress.
        settled();
      };
    },

    depth: (queue) => queueOf(queue).ready.length,

    idle(timeoutMs) {
      if (!busy()) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          idleWaiters.delete(wake);
          resolve(false);
        }, timeoutMs);
        idleWaiters.add(wake);
      });
    },

    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

function copy(message: BrokerMessage): BrokerMessage {
  return { content: message.content, properties: { ...message.properties, headers: { ...message.properties.headers } } };
}

// The process's broker, when its launcher runs the in-process event plane. A broker is shared by nature by
// every service in the process (that is what lets their events reach each other), so it is registered once
// per process by whoever owns the process (the fleet launcher) rather than threaded through each service's
// config, which describes one service and cannot hold a live object.
let installed: InProcessBroker | undefined;

/** Makes `broker` the one every platform created from now on uses; returns the function that removes it. */
export function installProcessBroker(broker: InProcessBroker): () => void {
  if (installed && installed !== broker) throw new Error('another in-process broker is already installed in this process');
  installed = broker;
  return () => {
    if (installed === broker) installed = undefined;
  };
}

/** The installed broker, if this process runs the in-process event plane. */
export function processBroker(): InProcessBroker | undefined {
  return installed;
}
