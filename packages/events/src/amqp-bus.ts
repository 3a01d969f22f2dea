// The production EventBus over RabbitMQ (amqplib): pipelined confirmed publishes to a durable topic exchange
// and safe consumers, on one lazily opened connection that reconnects by itself. Every (re)connect declares
// the whole topology first — exchange, alternate exchange + `<exchange>.unrouted`, every catalogued consumer
// queue — so queues exist before any producer publishes; then it re-attaches this bus's consumers.
import { systemClock, type Clock } from '@bss/clock';
import type { EventEnvelope } from '@bss/contracts';
import type { Database } from '@bss/db';
import { parseTraceparent, SpanKind, SpanStatusCode, type Logger, type Tracing } from '@bss/telemetry';
import type { ConfirmChannel, Options } from 'amqplib';
import { createAmqpConnection, type AmqpLink } from './amqp-connection.ts';
import { attachSubscription, DEFAULT_RETRY_DEADLINE_MS, detachSubscription, type ConsumerDeps, type Subscription } from './amqp-consumer.ts';
import { createAmqpParkedMessages } from './parked.ts';
import { DEFAULT_RETRY_DELAYS_MS, declareExchange, declareQueue, unroutedOf, type ExchangeState } from './topology.ts';
import type { BatchOptions, EventBus, EventHandler, PublishItem, PublishOutcome, SubscriptionSpec } from './types.ts';

/** A queue every connection declares, whether or not this process consumes it. */
export interface DeclaredQueue {
  queue: string;
  bindings: readonly string[];
}

/** Counters of what the bus saw go astray; `exchange` says whether the alternate exchange is in place. */
export interface AmqpBusStats {
  /** Messages seen arriving in `<exchange>.unrouted` (no binding matched their routing key). */
  unrouted: number;
  /** Mandatory publishes the broker returned as unroutable (only when the alternate exchange is missing). */
  returned: number;
  exchange: ExchangeState | 'unknown';
}

/** The AMQP bus: an EventBus plus its counters. */
export interface AmqpBus extends EventBus {
  stats(): AmqpBusStats;
  /** Checks `<exchange>.unrouted` now (the bus also does so every `unroutedCheckMs`). */
  checkUnrouted(): Promise<void>;
}

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
  /** Unacked deliveries per consumer (default 20: enough concurrency to keep up with ~1,000 events/s). */
  prefetch?: number;
  /** How long close() lets in-flight handlers finish (default 5000 ms). */
  closeGraceMs?: number;
  /** Consumer queues declared on every connect (normally the catalogue in @bss/contracts). */
  topology?: readonly DeclaredQueue[];
  /** Default retry deadline of transiently failing messages (default 15 min). */
  retryDeadlineMs?: number;
  /** How often `<exchange>.unrouted` is checked for new arrivals (default 10 000 ms; 0 = never). */
  unroutedCheckMs?: number;
  /** Operational clock for retry deadlines (default: the wall clock; never a scenario clock). */
  clock?: Clock;
}

const QUEUE_NAME = /^[A-Za-z0-9_.:-]{1,200}$/;

/** Creates the AMQP bus. Nothing connects until the first publish, subscribe or isConnected(). */
export function createAmqpBus(opts: AmqpBusOptions): AmqpBus {
  const { exchange, logger, tracing, serviceName } = opts;
  const connectWaitMs = opts.connectWaitMs ?? 2000;
  const confirmTimeoutMs = opts.confirmTimeoutMs ?? 10_000;
  const subs: Subscription[] = [];
  const stats: AmqpBusStats = { unrouted: 0, returned: 0, exchange: 'unknown' };
  const unrouted = unroutedOf(exchange);
  let unroutedSeen: number | undefined;
  let unroutedTimer: ReturnType<typeof setInterval> | undefined;
  let sendTail: Promise<void> = Promise.resolve();
  let closed = false;

  const connection = createAmqpConnection({
    url: opts.url,
    logger,
    reconnectInitialDelayMs: opts.reconnectInitialDelayMs ?? 200,
    reconnectMaxDelayMs: opts.reconnectMaxDelayMs ?? 10_000,
    // Runs on every (re)connect: a link only goes live once the exchange and every consumer are in place.
    // `subs` may grow while this awaits; the for-of sees entries appended meanwhile.
    async setup(link: AmqpLink) {
      const state = await declareExchange(() => link.model.createChannel(), exchange);
      if (state === 'legacy' && stats.exchange !== 'legacy') {
        logger.error(
          { exchange, alternateExchange: unrouted },
          `exchange ${exchange} exists without an alternate exchange; unroutable events are only counted as returned. ` +
            `Fix: rabbitmqctl set_policy bss-unrouted '^${exchange.replaceAll('.', '\\.')}$' '{"alternate-exchange":"${unrouted}"}' --apply-to exchanges`,
        );
      }
      stats.exchange = state;
      // Mandatory publishes: with the alternate exchange nothing comes back; without it this is the alarm.
      link.publisher.on('return', (msg: { properties: { messageId?: string; type?: string } }) => {
        stats.returned++;
        logger.warn({ exchange, eventId: msg.properties.messageId, eventType: msg.properties.type }, 'event returned unroutable by the broker (no alternate exchange)');
      });
      if (opts.topology?.length) {
        const ch = await link.model.createChannel();
        // A refused declaration rejects its call (failing this setup); the 'error' event would only repeat it.
        ch.on('error', () => {});
        for (const q of opts.topology) await declareQueue(ch, exchange, q.queue, q.bindings, DEFAULT_RETRY_DELAYS_MS);
        await ch.close().catch(() => {});
      }
      for (const sub of subs) await attachSubscription(deps, link, sub);
    },
  });

  /** Publishes one message with a confirm callback; resolves with its outcome (never rejects). */
  function send(channel: ConfirmChannel, item: PublishItem, track: (p: Promise<PublishOutcome>) => void): boolean {
    const { event } = item;
    const parent = item.traceparent ?? undefined;
    const span = tracing.startSpan(`${event.eventType} publish`, SpanKind.PRODUCER, parent, {
      'messaging.system': 'rabbitmq',
      'messaging.destination.name': exchange,
      'messaging.message.id': event.eventId,
    });
    const own = tracing.traceparentOf(span);
    const traceparent = parseTraceparent(own) ? own : parent;
    const options: Options.Publish = {
      persistent: true,
      mandatory: true,
      contentType: 'application/json',
      messageId: event.eventId,
      type: event.eventType,
      appId: serviceName,
      headers: traceparent ? { traceparent } : {},
    };
    let flowing = true;
    track(
      new Promise<PublishOutcome>((resolve) => {
        const end = (outcome: PublishOutcome) => {
          if (!outcome.ok) span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.error });
          span.end();
          resolve(outcome);
        };
        try {
          flowing = channel.publish(exchange, event.eventType, Buffer.from(JSON.stringify(event)), options, (err: unknown) => {
            if (err) end({ ok: false, error: err instanceof Error ? err.message : `broker rejected the message: ${String(err)}` });
            else end({ ok: true });
          });
        } catch (err) {
          // amqplib throws synchronously when the channel is already closed.
          end({ ok: false, error: err instanceof Error ? err.message : String(err) });
        }
      }),
    );
    return flowing;
  }

  async function publishBatch(items: PublishItem[]): Promise<PublishOutcome[]> {
    if (closed) return items.map(() => ({ ok: false, error: 'amqp bus is closed' }));
    if (items.length === 0) return [];
    // Calls hand their messages to the channel one call after another (a relay pipelines its next batch
    // while this one awaits confirms), so batches never interleave and id order holds across them.
    const turn = sendTail;
    let release!: () => void;
    sendTail = new Promise<void>((resolve) => (release = resolve));
    const pending: Promise<PublishOutcome>[] = [];
    try {
      await turn;
      const link = await connection.waitForLink(connectWaitMs);
      if (!link) return items.map(() => ({ ok: false, error: `broker not connected (exchange ${exchange})` }));
      const channel = link.publisher;
      // All publishes go out back to back (one channel keeps their order); a full socket buffer pauses the
      // loop until the channel drains instead of queueing without bound in memory.
      for (const item of items) {
        if (!send(channel, item, (p) => pending.push(p))) {
          await new Promise<void>((resolve) => {
            const done = () => {
              channel.off('drain', done);
              channel.off('close', done);
              resolve();
            };
            channel.once('drain', done);
            channel.once('close', done);
          });
        }
      }
    } finally {
      release();
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), confirmTimeoutMs)));
    const settled: (PublishOutcome | undefined)[] = new Array(pending.length);
    pending.forEach((p, i) => void p.then((o) => (settled[i] = o)));
    await Promise.race([Promise.all(pending), timeout]);
    clearTimeout(timer);
    return settled.map((o) => o ?? { ok: false, error: `broker did not confirm within ${confirmTimeoutMs} ms` });
  }

  async function checkUnrouted(): Promise<void> {
    const link = connection.current();
    if (!link || closed) return;
    // A throwaway channel: a failed check (queue deleted under us) closes only it.
    const ch = await link.model.createChannel().catch(() => undefined);
    if (!ch) return;
    ch.on('error', () => {});
    try {
      const { messageCount } = await ch.checkQueue(unrouted);
      const added = messageCount - (unroutedSeen ?? 0);
      if (added > 0) {
        stats.unrouted += added;
        logger.warn({ queue: unrouted, added, waiting: messageCount }, 'events landed in the unrouted queue: no binding matched their routing key');
      }
      unroutedSeen = messageCount;
    } catch (err) {
      logger.warn({ queue: unrouted, err: (err as Error).message }, 'could not check the unrouted queue');
    } finally {
      await ch.close().catch(() => {});
    }
  }

  const deps: ConsumerDeps = {
    connection,
    exchange,
    database: opts.database,
    logger,
    tracing,
    prefetch: opts.prefetch ?? 20,
    confirmTimeoutMs,
    clock: opts.clock ?? systemClock,
    retryDeadlineMs: opts.retryDeadlineMs ?? DEFAULT_RETRY_DEADLINE_MS,
  };
  const unroutedCheckMs = opts.unroutedCheckMs ?? 10_000;

  function startUnroutedChecks(): void {
    if (unroutedTimer || unroutedCheckMs <= 0 || closed) return;
    unroutedTimer = setInterval(() => void checkUnrouted(), unroutedCheckMs);
    unroutedTimer.unref();
  }

  return {
    async publish(event: EventEnvelope, headers?: { traceparent?: string | null }) {
      if (closed) throw new Error('amqp bus is closed');
      const [outcome] = await publishBatch([{ event, traceparent: headers?.traceparent ?? null }]);
      if (!outcome!.ok) throw new Error(outcome!.error);
    },

    publishBatch,
    checkUnrouted,
    stats: () => ({ ...stats }),

    async subscribe(spec: SubscriptionSpec, handler: EventHandler, batch?: BatchOptions) {
      if (closed) throw new Error('amqp bus is closed');
      if (!QUEUE_NAME.test(spec.queue)) throw new Error(`bad queue name: ${spec.queue}`);
      if (spec.bindings.length === 0) throw new Error(`queue ${spec.queue} needs at least one binding`);
      if (subs.some((s) => s.spec.queue === spec.queue)) throw new Error(`queue ${spec.queue} is already subscribed`);
      const sub: Subscription = { spec, handler, batch, inFlight: new Set() };
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
      startUnroutedChecks();
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
      clearInterval(unroutedTimer);
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
