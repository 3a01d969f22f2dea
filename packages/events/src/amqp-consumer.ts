// The safe consumer over AMQP: per-queue topology (Q, Q.retry, Q.parked) and message handling
// (validate → inbox-deduped handler in one transaction → ack; on failure retry via Q.retry, then park).
//
// Unlike py17, a retry goes to `Q.retry`, whose dead-letter target is the default exchange with routing key
// `Q`, so a retried message comes back to the failing queue only; py17 re-published to the main exchange
// with the event's routing key, re-delivering to every queue bound to it. The attempt count travels in our
// own header (`x-bss-attempt`), not in `x-death`, because we re-publish copies rather than dead-letter.
import { EventEnvelope } from '@bss/contracts';
import { maskValues, type Database } from '@bss/db';
import { parseTraceparent, SpanKind, SpanStatusCode, type Logger, type Tracing } from '@bss/telemetry';
import type { Channel, ConsumeMessage, MessagePropertyHeaders } from 'amqplib';
import { publishConfirmed, type AmqpConnection, type AmqpLink } from './amqp-connection.ts';
import { handleOnce } from './inbox.ts';
import type { EventHandler, SubscriptionSpec } from './types.ts';

/** Header carrying the delivery attempt of a retried copy (absent on the first delivery = attempt 1). */
export const ATTEMPT_HEADER = 'x-bss-attempt';
/** Header on a parked message: why it was parked (≤500 chars). */
export const PARK_REASON_HEADER = 'x-bss-park-reason';
/** Header on a parked message: how many attempts it had. */
export const PARK_ATTEMPTS_HEADER = 'x-bss-attempts';

/** Name of the delay queue that sends failed messages back to `queue` after the retry delay. */
export const retryQueueOf = (queue: string) => `${queue}.retry`;
/** Name of the queue where messages that exhausted their attempts (or are unreadable) wait for an operator. */
export const parkedQueueOf = (queue: string) => `${queue}.parked`;

const MAX_REASON = 500;

/** A registered subscription and where it is currently attached. */
export interface Subscription {
  spec: SubscriptionSpec;
  handler: EventHandler;
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
  await ch.prefetch(deps.prefetch);
  await ch.assertQueue(queue, { durable: true });
  for (const binding of bindings) await ch.bindQueue(queue, deps.exchange, binding);
  await ch.assertQueue(retryQueueOf(queue), {
    durable: true,
    arguments: {
      'x-message-ttl': sub.spec.retryDelayMs ?? 5000,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': queue,
    },
  });
  await ch.assertQueue(parkedQueueOf(queue), { durable: true });
  sub.channel = ch;
  const { consumerTag } = await ch.consume(queue, (msg) => {
    if (msg === null) {
      // The broker cancelled us (queue deleted): a fresh connection re-declares the topology.
      deps.connection.recycle(link, `consumer of ${queue} cancelled by the broker`);
      return;
    }
    // handleMessage settles every outcome itself; this catch only keeps a bug from becoming an
    // unhandled rejection (which would end the process), and gives the message back to the queue.
    const work = handleMessage(deps, sub, link, ch, msg).catch((err: unknown) => {
      deps.logger.error({ queue, err: describe(err) }, 'unexpected error handling a message; requeued');
      safely(() => ch.nack(msg, false, true));
    });
    sub.inFlight.add(work);
    void work.finally(() => sub.inFlight.delete(work));
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

// A handler's database error quotes SQL parameters (names, emails) in its message; only the masked form is
// logged or carried in the parked message's reason.
function describe(err: unknown): string {
  const text = err instanceof Error ? maskValues(err.message) : String(err);
  return text.slice(0, MAX_REASON);
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
  const header = typeof headers.traceparent === 'string' ? headers.traceparent : undefined;
  const traceparent = parseTraceparent(header) ? header : undefined;

  let event: EventEnvelope;
  try {
    event = EventEnvelope.parse(JSON.parse(msg.content.toString('utf8')));
  } catch (err) {
    // Poison: no number of retries makes an unreadable body readable.
    await forward(deps, sub, link, ch, msg, 'park', `invalid event envelope: ${describe(err)}`, attempt);
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
    span.setStatus({ code: SpanStatusCode.ERROR, message: describe(err) });
    span.end();
    const max = sub.spec.maxAttempts ?? 5;
    deps.logger.warn({ queue, eventId: event.eventId, attempt, max, err: describe(err) }, 'event handler failed');
    await forward(deps, sub, link, ch, msg, attempt < max ? 'retry' : 'park', describe(err), attempt);
  }
}

/**
 * Re-publishes a copy to `Q.retry` (attempt + 1) or `Q.parked` (with the reason) through the default exchange,
 * then acks the original — only after the broker confirmed the copy. If the copy cannot be published the
 * original is requeued instead, so a message is never lost between the two.
 */
async function forward(
  deps: ConsumerDeps,
  sub: Subscription,
  link: AmqpLink,
  ch: Channel,
  msg: ConsumeMessage,
  kind: 'retry' | 'park',
  reason: string,
  attempt: number,
): Promise<void> {
  const { queue } = sub.spec;
  const props = msg.properties;
  // Broker-written dead-letter bookkeeping describes the previous copy's trip through Q.retry; drop it.
  const kept = Object.fromEntries(
    Object.entries(props.headers ?? {}).filter(([k]) => !/^x-(death|first-death|last-death)/.test(k)),
  );
  const headers =
    kind === 'retry'
      ? { ...kept, [ATTEMPT_HEADER]: attempt + 1 }
      : { ...kept, [PARK_REASON_HEADER]: reason.slice(0, MAX_REASON), [PARK_ATTEMPTS_HEADER]: attempt };
  const target = kind === 'retry' ? retryQueueOf(queue) : parkedQueueOf(queue);
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
        headers,
      },
      deps.confirmTimeoutMs,
    );
  } catch (err) {
    deps.logger.error({ queue, target, err: describe(err) }, 'could not forward failed message; requeued');
    safely(() => ch.nack(msg, false, true));
    return;
  }
  if (kind === 'park') {
    deps.logger.error({ queue, messageId: props.messageId, attempts: attempt, reason }, 'mq.message.parked');
  }
  safely(() => ch.ack(msg));
}
