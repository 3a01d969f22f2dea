// The batch half of a consumer, shared by the AMQP bus and the in-process bus: messages delivered together are
// read, each gets its consumer span (same trace as its producer), and the readable ones are handled in one inbox
// transaction with the subscription's batch handler. What is left for the caller to handle one at a time (with
// its retry and parking per message): a lone message, an unreadable one, and every message of a batch that failed.
import type { Database } from '@bss/db';
import { EventEnvelope } from '@bss/contracts';
import { parseTraceparent, SpanKind, type Logger, type Tracing } from '@bss/telemetry';
import { describeFailure } from './failure.ts';
import { handleBatchOnce, type BatchEntry } from './inbox.ts';
import type { BatchEventHandler } from './types.ts';

/** Where a batch is handled, and what its spans say it came through. */
export interface BatchDeliveryContext {
  database: Database;
  inboxSchema: string;
  queue: string;
  handler: BatchEventHandler;
  tracing: Tracing;
  logger: Logger;
  /** `messaging.system` of the consumer spans, e.g. `rabbitmq`. */
  system: string;
}

/** A delivered message's body and its traceparent header (unchecked). */
export interface Delivered {
  content: Buffer;
  traceparent: unknown;
}

/**
 * Handles `messages` as one batch; `handled(m)` is called for each message the batch settled (handled or a
 * duplicate), in delivery order. Returns the messages the caller must handle one at a time, in delivery order.
 */
export async function deliverBatch<M>(ctx: BatchDeliveryContext, messages: M[], read: (m: M) => Delivered, handled: (m: M) => void): Promise<M[]> {
  const { queue, tracing, logger } = ctx;
  if (messages.length === 1) return [messages[0]!];
  const singles: M[] = [];
  const batch: { message: M; entry: BatchEntry; span: ReturnType<Tracing['startSpan']> }[] = [];
  for (const message of messages) {
    const { content, traceparent: header } = read(message);
    let event: EventEnvelope;
    try {
      event = EventEnvelope.parse(JSON.parse(content.toString('utf8')));
    } catch {
      singles.push(message);
      continue;
    }
    const traceparent = typeof header === 'string' && parseTraceparent(header) ? header : undefined;
    const span = tracing.startSpan(`${queue} process`, SpanKind.CONSUMER, traceparent, {
      'messaging.system': ctx.system,
      'messaging.destination.name': queue,
      'messaging.message.id': event.eventId,
      'bss.event_type': event.eventType,
      'messaging.batch.message_count': String(messages.length),
    });
    const spanParent = tracing.traceparentOf(span);
    batch.push({ message, span, entry: { event, traceparent: parseTraceparent(spanParent) ? spanParent : traceparent } });
  }
  if (batch.length === 0) return singles;
  try {
    const outcomes = await handleBatchOnce(
      ctx.database,
      ctx.inboxSchema,
      queue,
      batch.map((b) => b.entry),
      ctx.handler,
    );
    batch.forEach((b, i) => {
      b.span.end();
      if (outcomes[i] === 'duplicate') logger.debug({ queue, eventId: b.entry.event.eventId }, 'inbox duplicate skipped');
      handled(b.message);
    });
  } catch (err) {
    for (const b of batch) b.span.end();
    logger.debug({ queue, size: batch.length, err: describeFailure(err) }, 'batch failed; handling its messages one at a time');
    singles.push(...batch.map((b) => b.message));
  }
  return singles;
}
