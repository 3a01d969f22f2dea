// The safe consumer over AMQP: per-queue topology (Q, Q.retry.<delay>…, Q.parked) and message handling
// (validate → inbox-deduped handler in one transaction → ack; on failure retry with backoff, then park).
//
// A retry goes to the delay tier for its attempt (`Q.retry.1s`, `.5s`, `.30s`, …), whose dead-letter target is
// the default exchange with routing key `Q`, so a retried message comes back to the failing queue only (py17
// re-published to the main exchange, re-delivering to every queue bound to the key). One queue per delay,
// not one queue with per-message TTLs: RabbitMQ expires messages only at the head of a queue, so a 5 min
// retry would hold back a 1 s one behind it. A small per-message jitter (expiration ≤ the tier's TTL) spreads
// a burst of retries without that problem, since every message of a tier expires within the tier's TTL.
// Transient failures (see failure.ts) retry until a deadline measured from the first attempt; permanent
// ones park after `maxAttempts`. Attempt and first-attempt time travel in our own headers, not `x-death`,
// because we re-publish copies rather than dead-letter.
import { EventEnvelope } from '@bss/contracts';
import type { Database } from '@bss/db';
import { parseTraceparent, SpanKind, SpanStatusCode, type Logger, type Tracing } from '@bss/telemetry';
import type { Channel, ConsumeMessage, MessagePropertyHeaders } from 'amqplib';
import type { Clock } from '@bss/clock';
import { publishConfirmed, type AmqpConnection, type AmqpLink } from './amqp-connection.ts';
import { deliverBatch } from './batch-delivery.ts';
import { decideRetry, describeFailure, MAX_REASON } from './failure.ts';
import { handleOnce } from './inbox.ts';
import { batchPrefetch, createNaturalBatcher, DEFAULT_BATCH_CONCURRENCY, DEFAULT_BATCH_MAX } from './natural-batch.ts';
import { DEFAULT_RETRY_DELAYS_MS, declareQueue, parkedQueueOf, retryQueueOf } from './topology.ts';
import type { BatchOptions, EventHandler, SubscriptionSpec } from './types.ts';

/** Header carrying the delivery attempt of a retried copy (absent on the first delivery = attempt 1). */
export const ATTEMPT_HEADER = 'x-bss-attempt';
/** Header on a parked message: why it was parked (≤500 chars). */
export const PARK_REASON_HEADER = 'x-bss-park-reason';
/** Header on a parked message: how many attempts it had. */
export const PARK_ATTEMPTS_HEADER = 'x-bss-attempts';
/** Header on a retried copy: when its first attempt started (ms since the epoch), for the retry deadline. */
export const FIRST_ATTEMPT_HEADER = 'x-bss-first-attempt-at';

/** Attempts of a permanently failing message before it is parked. */
export const DEFAULT_MAX_ATTEMPTS = 3;
/** How long a transiently failing message keeps being retried (from its first attempt). */
export const DEFAULT_RETRY_DEADLINE_MS = 15 * 60_000;


/** A registered subscription and where it is currently attached. */
export interface Subscription {
  spec: SubscriptionSpec;
  handler: EventHandler;
  /** Natural batching (opt-in): see BatchOptions. */
  batch?: BatchOptions | undefined;
  link?: AmqpLink;
  channel?: Channel;
  consumerTag?: string;
  inFlight: Set<Promise<void>>;
}

/** What message handling needs from the bus. */
export interface ConsumerDeps {
  connection: AmqpConnection;
  exchange: string;
  database: Database;
  logger: Logger;
  tracing: Tracing;
  prefetch: number;
  confirmTimeoutMs: number;
  /** Operational time for retry deadlines: the wall clock, never a scenario's controllable clock. */
  clock: Clock;
  /** Default retry deadline of subscriptions that set none. */
  retryDeadlineMs: number;
}

/**
 * Declares the queue trio on `link` and starts consuming. Idempotent per link; after a reconnect the bus
 * calls it again for the new link. Throws when the broker refuses (e.g. a queue exists with other arguments).
 */
export async function attachSubscription(deps: ConsumerDeps, link: AmqpLink, sub: Subscription): Promise<void> {
  if (sub.link === link) return;
  sub.link = link;
  const { queue, bindings } = sub.spec;
  const ch = await link.model.createChannel();
  deps.connection.watch(link, ch, `consumer ${queue}`);
  const maxSize = sub.batch?.maxSize ?? DEFAULT_BATCH_MAX;
  const concurrency = sub.batch?.concurrency ?? DEFAULT_BATCH_CONCURRENCY;
  await ch.prefetch(sub.batch ? batchPrefetch(deps.prefetch, maxSize, concurrency) : deps.prefetch);
  await declareQueue(ch, deps.exchange, queue, bindings, sub.spec.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS);
  sub.channel = ch;
  const track = (work: Promise<void>) => {
    sub.inFlight.add(work);
    void work.finally(() => sub.inFlight.delete(work));
  };
  // One batcher per channel: a message can only be acked on the channel that delivered it.
  const batcher = sub.batch
    ? createNaturalBatcher<ConsumeMessage>({
        maxSize,
        concurrency,
        run: (msgs) => {
          // handleBatch settles every message itself (each single one guarded as below); this only keeps a bug
          // from becoming an unhandled rejection. Its messages are not nacked here: some may be settled already.
          const work = handleBatch(deps, sub, link, ch, msgs).catch((err: unknown) => {
            deps.logger.error({ queue, err: describeFailure(err) }, 'unexpected error handling a batch');
          });
          track(work);
          return work;
        },
      })
    : undefined;
  const { consumerTag } = await ch.consume(queue, (msg) => {
    if (msg === null) {
      // The broker cancelled us (queue deleted): a fresh connection re-declares the topology.
      deps.connection.recycle(link, `consumer of ${queue} cancelled by the broker`);
      return;
    }
    if (batcher) {
      batcher.push(msg);
      return;
    }
    // handleMessage settles every outcome itself; this catch only keeps a bug from becoming an
    // unhandled rejection (which would end the process), and gives the message back to the queue.
    track(
      handleMessage(deps, sub, link, ch, msg).catch((err: unknown) => {
        deps.logger.error({ queue, err: describeFailure(err) }, 'unexpected error handling a message; requeued');
        safely(() => ch.nack(msg, false, true));
      }),
    );
  });
  sub.consumerTag = consumerTag;
}

/** Stops new deliveries to `sub`; in-flight messages finish (see `sub.inFlight`). */
export async function detachSubscription(sub: Subscription): Promise<void> {
  const { channel, consumerTag } = sub;
  if (!channel || !consumerTag) return;
  // On a channel that already died with its connection, cancel throws (sync or async); nothing to stop then.
  await Promise.resolve()
    .then(() => channel.cancel(consumerTag))
    .catch(() => {});
}

function attemptOf(headers: MessagePropertyHeaders): number {
  const n = Number(headers[ATTEMPT_HEADER]);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

function firstAttemptOf(headers: MessagePropertyHeaders): number | undefined {
  const n = Number(headers[FIRST_ATTEMPT_HEADER]);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}


// Acks/nacks on a channel that died with its connection throw; the broker redelivers those messages
// anyway, and the inbox makes the redelivery harmless.
function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    /* channel already closed */
  }
}

async function handleMessage(deps: ConsumerDeps, sub: Subscription, link: AmqpLink, ch: Channel, msg: ConsumeMessage): Promise<void> {
  const { queue } = sub.spec;
  const headers = msg.properties.headers ?? {};
  const attempt = attemptOf(headers);
  const startedAt = deps.clock.now().getTime();
  const firstAttemptAt = firstAttemptOf(headers) ?? startedAt;
  const header = typeof headers.traceparent === 'string' ? headers.traceparent : undefined;
  const traceparent = parseTraceparent(header) ? header : undefined;

  let event: EventEnvelope;
  try {
    event = EventEnvelope.parse(JSON.parse(msg.content.toString('utf8')));
  } catch (err) {
    // Poison: no number of retries makes an unreadable body readable.
    await forward(deps, sub, link, ch, msg, { kind: 'park', reason: `invalid event envelope: ${describeFailure(err)}` }, attempt, firstAttemptAt);
    return;
  }

  const span = deps.tracing.startSpan(`${queue} process`, SpanKind.CONSUMER, traceparent, {
    'messaging.system': 'rabbitmq',
    'messaging.destination.name': queue,
    'messaging.message.id': event.eventId,
    'bss.event_type': event.eventType,
  });
  // The handler's own spans and staged events chain to the consumer span (same trace id as the producer).
  const spanParent = deps.tracing.traceparentOf(span);
  const handlerTraceparent = parseTraceparent(spanParent) ? spanParent : traceparent;
  try {
    const outcome = await handleOnce(deps.database, sub.spec.inboxSchema, queue, event, sub.handler, handlerTraceparent);
    span.end();
    if (outcome === 'duplicate') deps.logger.debug({ queue, eventId: event.eventId }, 'inbox duplicate skipped');
    safely(() => ch.ack(msg));
  } catch (err) {
    span.recordException(err as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: describeFailure(err) });
    span.end();
    const decision = decideRetry({
      err,
      attempt,
      elapsedMs: deps.clock.now().getTime() - firstAttemptAt,
      maxAttempts: sub.spec.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      deadlineMs: sub.spec.retryDeadlineMs ?? deps.retryDeadlineMs,
      retryDelaysMs: sub.spec.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    });
    const fields = { queue, eventId: event.eventId, attempt, err: describeFailure(err) };
    if (decision.action === 'retry') deps.logger.warn({ ...fields, retryInMs: decision.delayMs }, 'event handler failed; will retry');
    else deps.logger.warn({ ...fields, why: decision.why }, 'event handler failed; parking');
    const step: Forward =
      decision.action === 'retry' ? { kind: 'retry', delayMs: decision.delayMs } : { kind: 'park', reason: `${decision.why}: ${describeFailure(err)}` };
    await forward(deps, sub, link, ch, msg, step, attempt, firstAttemptAt);
  }
}

/**
 * Handles messages delivered together (see natural-batch.ts) in one inbox transaction with the subscription's
 * batch handler, then acks them. A lone message, an unreadable one, or every message of a batch that failed
 * goes through `handleMessage` one at a time instead, so retry, parking and the inbox work exactly per message:
 * a poison message in a batch fails (and eventually parks) on its own while the others are handled.
 */
async function handleBatch(deps: ConsumerDeps, sub: Subscription, link: AmqpLink, ch: Channel, msgs: ConsumeMessage[]): Promise<void> {
  const { queue } = sub.spec;
  const context = { database: deps.database, inboxSchema: sub.spec.inboxSchema, queue, handler: sub.batch!.handler, tracing: deps.tracing, logger: deps.logger, system: 'rabbitmq' };
  const singles = await deliverBatch(
    context,
    msgs,
    (msg) => ({ content: msg.content, traceparent: msg.properties.headers?.traceparent }),
    (msg) => safely(() => ch.ack(msg)),
  );
  for (const msg of singles) {
    // As for a message delivered alone: a bug must not leave the message unsettled (nor nack the others twice).
    await handleMessage(deps, sub, link, ch, msg).catch((err: unknown) => {
      deps.logger.error({ queue, err: describeFailure(err) }, 'unexpected error handling a message; requeued');
      safely(() => ch.nack(msg, false, true));
    });
  }
}

/** Where a failed message goes next. */
type Forward = { kind: 'retry'; delayMs: number } | { kind: 'park'; reason: string };

/**
 * Re-publishes a copy to the retry tier `Q.retry.<delay>` (attempt + 1) or to `Q.parked` (with the reason)
 * through the default exchange, then acks the original — only after the broker confirmed the copy. If the
 * copy cannot be published the original is requeued instead, so a message is never lost between the two.
 */
async function forward(
  deps: ConsumerDeps,
  sub: Subscription,
  link: AmqpLink,
  ch: Channel,
  msg: ConsumeMessage,
  step: Forward,
  attempt: number,
  firstAttemptAt: number,
): Promise<void> {
  const { queue } = sub.spec;
  const props = msg.properties;
  // Broker-written dead-letter bookkeeping describes the previous copy's trip through a retry queue; drop it.
  const kept = Object.fromEntries(
    Object.entries(props.headers ?? {}).filter(([k]) => !/^x-(death|first-death|last-death)/.test(k)),
  );
  const headers =
    step.kind === 'retry'
      ? { ...kept, [ATTEMPT_HEADER]: attempt + 1, [FIRST_ATTEMPT_HEADER]: firstAttemptAt }
      : { ...kept, [FIRST_ATTEMPT_HEADER]: firstAttemptAt, [PARK_REASON_HEADER]: step.reason.slice(0, MAX_REASON), [PARK_ATTEMPTS_HEADER]: attempt };
  const target = step.kind === 'retry' ? retryQueueOf(queue, step.delayMs) : parkedQueueOf(queue);
  // Jitter: expire somewhere in the last fifth of the tier (never beyond its TTL, so no head-of-line wait).
  const expiration = step.kind === 'retry' ? { expiration: String(Math.round(step.delayMs * (0.8 + Math.random() * 0.2))) } : {};
  try {
    await publishConfirmed(
      link.publisher,
      '',
      target,
      msg.content,
      {
        persistent: true,
        contentType: props.contentType ?? 'application/json',
        ...(props.messageId ? { messageId: props.messageId } : {}),
        ...(props.type ? { type: props.type } : {}),
        ...(props.appId ? { appId: props.appId } : {}),
        ...expiration,
        headers,
      },
      deps.confirmTimeoutMs,
    );
  } catch (err) {
    deps.logger.error({ queue, target, err: describeFailure(err) }, 'could not forward failed message; requeued');
    safely(() => ch.nack(msg, false, true));
    return;
  }
  if (step.kind === 'park') {
    deps.logger.error({ queue, messageId: props.messageId, attempts: attempt, reason: step.reason }, 'mq.message.parked');
  }
  safely(() => ch.ack(msg));
}
