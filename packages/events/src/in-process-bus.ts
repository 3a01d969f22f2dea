// The EventBus over the in-process broker: what each service of a single-process fleet uses instead of the
// AMQP bus when no RabbitMQ is around. The message handling is the AMQP consumer's, on the broker's queues:
// validate the envelope (unreadable → parked at once), run the handler in the inbox transaction, and on
// failure let `decideRetry` choose — transient failures retry with the delay tiers until the deadline,
// permanent ones park after `maxAttempts` — carrying attempt and first-attempt time in the same headers.
// Parked messages are listed and requeued through the same `ParkedMessages` interface (and header rules).
import { systemClock, type Clock } from '@bss/clock';
import { EventEnvelope } from '@bss/contracts';
import type { Database } from '@bss/db';
import { parseTraceparent, SpanKind, SpanStatusCode, type Logger, type Tracing } from '@bss/telemetry';
import type { MessagePropertyHeaders } from 'amqplib';
import type { DeclaredQueue } from './amqp-bus.ts';
import { ATTEMPT_HEADER, DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_DEADLINE_MS, FIRST_ATTEMPT_HEADER, PARK_ATTEMPTS_HEADER, PARK_REASON_HEADER } from './amqp-consumer.ts';
import { deliverBatch } from './batch-delivery.ts';
import { decideRetry, describeFailure, MAX_REASON } from './failure.ts';
import { handleOnce } from './inbox.ts';
import { batchPrefetch, createNaturalBatcher, DEFAULT_BATCH_CONCURRENCY, DEFAULT_BATCH_MAX } from './natural-batch.ts';
import type { BrokerMessage, InProcessBroker } from './in-process-broker.ts';
import { requeuedHeaders, toParked, type ParkedMessages, type RequeueResult } from './parked.ts';
import { DEFAULT_RETRY_DELAYS_MS } from './topology.ts';
import type { BatchOptions, EventBus, EventHandler, PublishItem, PublishOutcome, SubscriptionSpec } from './types.ts';

/** Wiring of an in-process bus (the AMQP bus's options, less the connection knobs). */
export interface InProcessBusOptions {
  broker: InProcessBroker;
  exchange: string;
  database: Database;
  logger: Logger;
  tracing: Tracing;
  serviceName: string;
  /** Consumer queues declared at creation (normally the catalogue in @bss/contracts). */
  topology?: readonly DeclaredQueue[];
  retryDeadlineMs?: number;
  /** Concurrent deliveries per consumer (default 20, as over AMQP). */
  prefetch?: number;
  /** How long close() lets in-flight handlers finish (default 5000 ms). */
  closeGraceMs?: number;
  /** Operational clock for retry deadlines (default: the wall clock). */
  clock?: Clock;
}

/** The in-process bus: an EventBus plus the counters the AMQP bus also reports. */
export interface InProcessBus extends EventBus {
  stats(): { unrouted: number; returned: 0; exchange: 'ok' };
}

const QUEUE_NAME = /^[A-Za-z0-9_.:-]{1,200}$/;


function attemptOf(headers: MessagePropertyHeaders): number {
  const n = Number(headers[ATTEMPT_HEADER]);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

function firstAttemptOf(headers: MessagePropertyHeaders): number | undefined {
  const n = Number(headers[FIRST_ATTEMPT_HEADER]);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Creates a bus on `opts.broker`; it declares `opts.topology` at once, so queues exist before anyone publishes. */
export function createInProcessBus(opts: InProcessBusOptions): InProcessBus {
  const { broker, exchange, logger, tracing, serviceName } = opts;
  const clock = opts.clock ?? systemClock;
  const deadlineDefault = opts.retryDeadlineMs ?? DEFAULT_RETRY_DEADLINE_MS;
  const subs: { spec: SubscriptionSpec; detach: () => void; inFlight: Set<Promise<void>> }[] = [];
  let unrouted = 0;
  const unroutedTypes = new Set<string>();
  let closed = false;
  for (const q of opts.topology ?? []) broker.declareQueue(exchange, q.queue, q.bindings);

  function publishOne(item: PublishItem): PublishOutcome {
    if (closed) return { ok: false, error: 'in-process bus is closed' };
    const { event } = item;
    const parent = item.traceparent ?? undefined;
    const span = tracing.startSpan(`${event.eventType} publish`, SpanKind.PRODUCER, parent, {
      'messaging.system': 'in-process',
      'messaging.destination.name': exchange,
      'messaging.message.id': event.eventId,
    });
    const own = tracing.traceparentOf(span);
    const traceparent = parseTraceparent(own) ? own : parent;
    const reached = broker.publish(exchange, event.eventType, {
      content: Buffer.from(JSON.stringify(event)),
      properties: { messageId: event.eventId, type: event.eventType, appId: serviceName, headers: traceparent ? { traceparent } : {} },
    });
    span.end();
    if (reached.length === 0) {
      unrouted++;
      // Loud once per event type, quiet after (an event nobody consumes yet would otherwise warn on every write).
      const first = !unroutedTypes.has(event.eventType);
      unroutedTypes.add(event.eventType);
      logger[first ? 'warn' : 'debug']({ exchange, eventId: event.eventId, eventType: event.eventType, unrouted }, 'event landed in the unrouted list: no binding matched its routing key');
    }
    return { ok: true };
  }

  async function handle(spec: SubscriptionSpec, handler: EventHandler, message: BrokerMessage): Promise<void> {
    const { queue } = spec;
    const headers = message.properties.headers;
    const attempt = attemptOf(headers);
    const firstAttemptAt = firstAttemptOf(headers) ?? clock.now().getTime();
    const header = typeof headers.traceparent === 'string' ? headers.traceparent : undefined;
    const traceparent = parseTraceparent(header) ? header : undefined;
    const park = (reason: string) => {
      broker.park(queue, {
        content: message.content,
        properties: { ...message.properties, headers: { ...headers, [FIRST_ATTEMPT_HEADER]: firstAttemptAt, [PARK_REASON_HEADER]: reason.slice(0, MAX_REASON), [PARK_ATTEMPTS_HEADER]: attempt } },
      });
      logger.error({ queue, messageId: message.properties.messageId, attempts: attempt, reason }, 'mq.message.parked');
    };

    let event: EventEnvelope;
    try {
      event = EventEnvelope.parse(JSON.parse(message.content.toString('utf8')));
    } catch (err) {
      park(`invalid event envelope: ${describeFailure(err)}`);
      return;
    }
    const span = tracing.startSpan(`${queue} process`, SpanKind.CONSUMER, traceparent, {
      'messaging.system': 'in-process',
      'messaging.destination.name': queue,
      'messaging.message.id': event.eventId,
      'bss.event_type': event.eventType,
    });
    const spanParent = tracing.traceparentOf(span);
    try {
      const outcome = await handleOnce(opts.database, spec.inboxSchema, queue, event, handler, parseTraceparent(spanParent) ? spanParent : traceparent);
      span.end();
      if (outcome === 'duplicate') logger.debug({ queue, eventId: event.eventId }, 'inbox duplicate skipped');
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: describeFailure(err) });
      span.end();
      const decision = decideRetry({
        err,
        attempt,
        elapsedMs: clock.now().getTime() - firstAttemptAt,
        maxAttempts: spec.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        deadlineMs: spec.retryDeadlineMs ?? deadlineDefault,
        retryDelaysMs: spec.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
      });
      const fields = { queue, eventId: event.eventId, attempt, err: describeFailure(err) };
      if (decision.action === 'park') {
        logger.warn({ ...fields, why: decision.why }, 'event handler failed; parking');
        park(`${decision.why}: ${describeFailure(err)}`);
        return;
      }
      logger.warn({ ...fields, retryInMs: decision.delayMs }, 'event handler failed; will retry');
      // The same jitter as the AMQP retry tiers: somewhere in the last fifth of the tier's delay.
      const delayMs = Math.round(decision.delayMs * (0.8 + Math.random() * 0.2));
      broker.delay(queue, { content: message.content, properties: { ...message.properties, headers: { ...headers, [ATTEMPT_HEADER]: attempt + 1, [FIRST_ATTEMPT_HEADER]: firstAttemptAt } } }, delayMs);
    }
  }

  /**
   * Messages delivered together, as over AMQP: one inbox transaction with the batch handler; a lone or unreadable
   * message, or every message of a failed batch, goes through `handle` one at a time (retry and park per message).
   */
  async function handleBatch(spec: SubscriptionSpec, handler: EventHandler, batch: BatchOptions, messages: BrokerMessage[]): Promise<void> {
    const context = { database: opts.database, inboxSchema: spec.inboxSchema, queue: spec.queue, handler: batch.handler, tracing, logger, system: 'in-process' };
    const singles = await deliverBatch(
      context,
      messages,
      (message) => ({ content: message.content, traceparent: message.properties.headers.traceparent }),
      () => {},
    );
    for (const message of singles) await handle(spec, handler, message);
  }

  /** Moves parked messages of `queue` that `pick` selects (scanning at most `budget`) back to the queue. */
  function requeue(queue: string, pick: (m: BrokerMessage) => boolean, budget: number): RequeueResult {
    const parked = broker.parked(queue);
    const count = parked.length;
    const scanned = parked.slice(0, Math.min(budget, count));
    const taken = scanned.filter(pick);
    for (const m of taken) parked.splice(parked.indexOf(m), 1);
    for (const m of taken) broker.sendToQueue(queue, { content: m.content, properties: { ...m.properties, headers: requeuedHeaders(m.properties.headers) } });
    return { requeued: taken.map((m) => m.properties.messageId ?? null), remaining: count - taken.length };
  }

  const parkedMessages: ParkedMessages = {
    async peek(queue, limit) {
      const parked = broker.parked(queue);
      return { count: parked.length, messages: parked.slice(0, limit).map(toParked) };
    },
    requeueAll: async (queue, max) => requeue(queue, () => true, max),
    requeueOne: async (queue, messageId, scanLimit) => requeue(queue, (m) => m.properties.messageId === messageId, scanLimit),
  };

  return {
    async publish(event, headers) {
      const outcome = publishOne({ event, traceparent: headers?.traceparent ?? null });
      if (!outcome.ok) throw new Error(outcome.error);
    },

    async publishBatch(items) {
      return items.map(publishOne);
    },

    async subscribe(spec, handler, batch) {
      if (closed) throw new Error('in-process bus is closed');
      if (!QUEUE_NAME.test(spec.queue)) throw new Error(`bad queue name: ${spec.queue}`);
      if (spec.bindings.length === 0) throw new Error(`queue ${spec.queue} needs at least one binding`);
      if (subs.some((s) => s.spec.queue === spec.queue)) throw new Error(`queue ${spec.queue} is already subscribed`);
      broker.declareQueue(exchange, spec.queue, spec.bindings);
      const inFlight = new Set<Promise<void>>();
      const prefetch = opts.prefetch ?? 20;
      const maxSize = batch?.maxSize ?? DEFAULT_BATCH_MAX;
      const concurrency = batch?.concurrency ?? DEFAULT_BATCH_CONCURRENCY;
      // A batching subscription: each delivery waits for the batch it joins; the broker's window counts it
      // until then, as an unacked AMQP message.
      const batcher = batch
        ? createNaturalBatcher<{ message: BrokerMessage; settle: () => void; fail: (err: unknown) => void }>({
            maxSize,
            concurrency,
            // A batch that threw (a bug: handleBatch settles every outcome) gives its messages back to the queue,
            // as a throwing delivery does.
            run: (items) =>
              handleBatch(
                spec,
                handler,
                batch,
                items.map((i) => i.message),
              ).then(
                () => items.forEach((i) => i.settle()),
                (err: unknown) => items.forEach((i) => i.fail(err)),
              ),
          })
        : undefined;
      const detach = broker.consume(spec.queue, {
        prefetch: batch ? batchPrefetch(prefetch, maxSize, concurrency) : prefetch,
        deliver(message) {
          const work = batcher ? new Promise<void>((settle, fail) => batcher.push({ message, settle, fail })) : handle(spec, handler, message);
          inFlight.add(work);
          return work.finally(() => inFlight.delete(work));
        },
      });
      subs.push({ spec, detach, inFlight });
    },

    connect: async () => !closed,
    isConnected: () => !closed,
    subscribedQueues: () => subs.map((s) => s.spec.queue),
    parkedMessages,
    stats: () => ({ unrouted, returned: 0, exchange: 'ok' }),

    async close() {
      if (closed) return;
      closed = true;
      // Stop deliveries first, then let handlers that already started finish (their messages stay settled).
      for (const s of subs) s.detach();
      const inFlight = subs.flatMap((s) => [...s.inFlight]);
      if (inFlight.length) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, opts.closeGraceMs ?? 5000)));
        await Promise.race([Promise.allSettled(inFlight), grace]);
        clearTimeout(timer);
      }
    },
  };
}
