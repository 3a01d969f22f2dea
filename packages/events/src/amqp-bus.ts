// The production EventBus over RabbitMQ (amqplib): confirmed publishes to a durable topic exchange and
// safe consumers, on one lazily opened connection that reconnects by itself and re-attaches every consumer.
import type { EventEnvelope } from '@bss/contracts';
import type { Database } from '@bss/db';
import { parseTraceparent, SpanKind, SpanStatusCode, type Logger, type Tracing } from '@bss/telemetry';
import { createAmqpConnection, publishConfirmed, type AmqpLink } from './amqp-connection.ts';
import { attachSubscription, detachSubscription, type ConsumerDeps, type Subscription } from './amqp-consumer.ts';
import { createAmqpParkedMessages } from './parked.ts';
import type { EventBus, EventHandler, SubscriptionSpec } from './types.ts';

/** Wiring of the AMQP bus; the optional knobs exist mainly so tests can shorten delays. */
export interface AmqpBusOptions {
  url: string;
  /** Topic exchange events are published to (declared durable). */
  exchange: string;
  /** Holds each consumer's inbox table. */
  database: Database;
  logger: Logger;
  tracing: Tracing;
  serviceName: string;
  /** First reconnect delay (default 200 ms); doubles per failed attempt, with jitter. */
  reconnectInitialDelayMs?: number;
  /** Cap of the reconnect backoff (default 10 000 ms). */
  reconnectMaxDelayMs?: number;
  /** How long publish/subscribe wait for a connection before giving up (default 2000 ms). */
  connectWaitMs?: number;
  /** How long a publish waits for the broker's confirm (default 10 000 ms). */
  confirmTimeoutMs?: number;
  /** Unacked deliveries per consumer (default 5). */
  prefetch?: number;
  /** How long close() lets in-flight handlers finish (default 5000 ms). */
  closeGraceMs?: number;
}

const QUEUE_NAME = /^[A-Za-z0-9_.:-]{1,200}$/;

/** Creates the AMQP bus. Nothing connects until the first publish, subscribe or isConnected(). */
export function createAmqpBus(opts: AmqpBusOptions): EventBus {
  const { exchange, logger, tracing, serviceName } = opts;
  const connectWaitMs = opts.connectWaitMs ?? 2000;
  const confirmTimeoutMs = opts.confirmTimeoutMs ?? 10_000;
  const subs: Subscription[] = [];
  let closed = false;

  const connection = createAmqpConnection({
    url: opts.url,
    logger,
    reconnectInitialDelayMs: opts.reconnectInitialDelayMs ?? 200,
    reconnectMaxDelayMs: opts.reconnectMaxDelayMs ?? 10_000,
    // Runs on every (re)connect: a link only goes live once the exchange and every consumer are in place.
    // `subs` may grow while this awaits; the for-of sees entries appended meanwhile.
    async setup(link: AmqpLink) {
      await link.publisher.assertExchange(exchange, 'topic', { durable: true });
      for (const sub of subs) await attachSubscription(deps, link, sub);
    },
  });

  const deps: ConsumerDeps = {
    connection,
    exchange,
    database: opts.database,
    logger,
    tracing,
    prefetch: opts.prefetch ?? 5,
    confirmTimeoutMs,
  };

  return {
    async publish(event: EventEnvelope, headers?: { traceparent?: string | null }) {
      if (closed) throw new Error('amqp bus is closed');
      const link = await connection.waitForLink(connectWaitMs);
      if (!link) throw new Error(`broker not connected (exchange ${exchange})`);
      const parent = headers?.traceparent ?? undefined;
      const span = tracing.startSpan(`${event.eventType} publish`, SpanKind.PRODUCER, parent, {
        'messaging.system': 'rabbitmq',
        'messaging.destination.name': exchange,
        'messaging.message.id': event.eventId,
      });
      const own = tracing.traceparentOf(span);
      const traceparent = parseTraceparent(own) ? own : parent;
      try {
        await publishConfirmed(
          link.publisher,
          exchange,
          event.eventType,
          Buffer.from(JSON.stringify(event)),
          {
            persistent: true,
            contentType: 'application/json',
            messageId: event.eventId,
            type: event.eventType,
            appId: serviceName,
            headers: traceparent ? { traceparent } : {},
          },
          confirmTimeoutMs,
        );
        span.end();
      } catch (err) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
        span.end();
        throw err;
      }
    },

    async subscribe(spec: SubscriptionSpec, handler: EventHandler) {
      if (closed) throw new Error('amqp bus is closed');
      if (!QUEUE_NAME.test(spec.queue)) throw new Error(`bad queue name: ${spec.queue}`);
      if (spec.bindings.length === 0) throw new Error(`queue ${spec.queue} needs at least one binding`);
      if (subs.some((s) => s.spec.queue === spec.queue)) throw new Error(`queue ${spec.queue} is already subscribed`);
      const sub: Subscription = { spec, handler, inFlight: new Set() };
      subs.push(sub);
      // Wait briefly so a caller that then publishes finds the queue bound; if the broker is down the
      // subscription attaches on connect instead (startup must not hang on the broker).
      const link = await connection.waitForLink(connectWaitMs);
      if (!link) {
        logger.warn({ queue: spec.queue }, 'broker not reachable; consumer will attach once connected');
        return;
      }
      try {
        await attachSubscription(deps, link, sub);
      } catch (err) {
        logger.error({ queue: spec.queue, err: (err as Error).message }, 'could not attach consumer; reconnecting');
        connection.recycle(link, `attach ${spec.queue} failed`);
      }
    },

    async connect(timeoutMs = connectWaitMs) {
      if (closed) return false;
      return (await connection.waitForLink(timeoutMs)) !== undefined;
    },

    isConnected() {
      return !closed && connection.current() !== undefined;
    },

    subscribedQueues: () => subs.map((s) => s.spec.queue),

    parkedMessages: createAmqpParkedMessages(connection, { connectWaitMs, confirmTimeoutMs }),

    async close() {
      if (closed) return;
      closed = true;
      // Stop deliveries first, let handlers that already started finish (and ack), then drop the connection.
      await Promise.all(subs.map((s) => detachSubscription(s)));
      const inFlight = subs.flatMap((s) => [...s.inFlight]);
      if (inFlight.length) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, opts.closeGraceMs ?? 5000)));
        await Promise.race([Promise.allSettled(inFlight), grace]);
        clearTimeout(timer);
      }
      await connection.close();
    },
  };
}
