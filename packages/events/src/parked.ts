// Operator access to parked messages (`<queue>.parked`) over AMQP: peek without losing anything, and move
// messages back to `<queue>` with a fresh attempt counter.
//
// Every operation runs on a channel of its own. Peeking takes messages with `basic.get` *without* ack and
// hands them back with `nack(requeue)`: RabbitMQ puts requeued messages back at their original position, and
// if this process dies mid-peek the broker requeues them when the channel goes — a peek can never lose a
// message (reading and re-publishing could, between the publish and the ack, and would reorder the queue).
// Requeueing publishes a confirmed copy straight to `<queue>` through the default exchange (independent of
// how retry queues are named), and acks the parked original only after the confirm; a crash between the two
// leaves a duplicate in `<queue>`, which the consumer's inbox absorbs. Both loops are bounded by the number
// of messages parked when the operation started, so a message that fails again and is re-parked meanwhile
// is not chased in a circle.
import type { ConfirmChannel, GetMessage, MessagePropertyHeaders } from 'amqplib';
import { publishConfirmed, type AmqpConnection } from './amqp-connection.ts';
import { ATTEMPT_HEADER, PARK_ATTEMPTS_HEADER, PARK_REASON_HEADER } from './amqp-consumer.ts';
import { parkedQueueOf } from './topology.ts';

/** Header counting how often an operator moved this message back from the parked queue. */
export const REQUEUE_COUNT_HEADER = 'x-bss-requeues';

/** A parked message as an operator sees it. */
export interface ParkedMessage {
  /** AMQP messageId (= eventId for our own publishes; whatever the sender set otherwise). */
  messageId: string | null;
  /** AMQP type (= eventType). */
  eventType: string | null;
  /** Attempts the consumer made before parking it. */
  attempts: number | null;
  /** Why it was parked (the handler's error, or why the body is unreadable). */
  reason: string | null;
  /** How often it was requeued by an operator before. */
  requeues: number;
  /** The raw body (the event envelope as JSON, unless it was unreadable). */
  body: Buffer;
}

/** What a requeue moved. */
export interface RequeueResult {
  /** Message ids moved back to the main queue, in queue order (null for messages without an id). */
  requeued: (string | null)[];
  /** Messages still parked: those parked when the operation started, less the ones moved. */
  remaining: number;
}

/** Parked-message operations on the queues of one bus. */
export interface ParkedMessages {
  /** The parked count of `queue` and its first `limit` messages in queue order, leaving them parked. */
  peek(queue: string, limit: number): Promise<{ count: number; messages: ParkedMessage[] }>;
  /** Moves the messages parked now (at most `max`) back to `queue`. */
  requeueAll(queue: string, max: number): Promise<RequeueResult>;
  /** Moves every parked copy whose messageId is `messageId` back to `queue`, scanning at most `scanLimit`. */
  requeueOne(queue: string, messageId: string, scanLimit: number): Promise<RequeueResult>;
}

/** The broker could not be reached for an operator action (the route answers 503). */
export class BrokerUnavailable extends Error {
  override readonly name = 'BrokerUnavailable';
}

const REQUEUE_BATCH = 100;

function num(v: unknown): number | null {
  const n = Number(v);
  return v !== undefined && Number.isFinite(n) ? n : null;
}

/** A stored message as both brokers hold it: body plus AMQP-style properties. */
export interface StoredMessage {
  content: Buffer;
  properties: { messageId?: unknown; type?: unknown; headers?: MessagePropertyHeaders | undefined };
}

/** The operator's view of a parked message (shared by the AMQP and the in-process broker). */
export function toParked(msg: StoredMessage): ParkedMessage {
  const h = msg.properties.headers ?? {};
  return {
    messageId: msg.properties.messageId ? String(msg.properties.messageId) : null,
    eventType: msg.properties.type ? String(msg.properties.type) : null,
    attempts: num(h[PARK_ATTEMPTS_HEADER]),
    reason: typeof h[PARK_REASON_HEADER] === 'string' ? h[PARK_REASON_HEADER] : null,
    requeues: num(h[REQUEUE_COUNT_HEADER]) ?? 0,
    body: msg.content,
  };
}

/** Headers of the requeued copy: parking and retry bookkeeping dropped (attempts start again at 1). */
export function requeuedHeaders(headers: MessagePropertyHeaders | undefined): MessagePropertyHeaders {
  const kept = Object.fromEntries(
    Object.entries(headers ?? {}).filter(
      ([k]) => ![ATTEMPT_HEADER, PARK_REASON_HEADER, PARK_ATTEMPTS_HEADER].includes(k) && !/^x-(death|first-death|last-death)/.test(k),
    ),
  );
  return { ...kept, [REQUEUE_COUNT_HEADER]: (num(headers?.[REQUEUE_COUNT_HEADER]) ?? 0) + 1 };
}

/** Creates the AMQP implementation on the bus's connection. */
export function createAmqpParkedMessages(connection: AmqpConnection, opts: { connectWaitMs: number; confirmTimeoutMs: number }): ParkedMessages {
  async function withChannel<T>(fn: (ch: ConfirmChannel) => Promise<T>): Promise<T> {
    const link = await connection.waitForLink(opts.connectWaitMs);
    if (!link) throw new BrokerUnavailable('broker not connected');
    const ch = await link.model.createConfirmChannel();
    // Deliberately not `connection.watch`ed: this channel closing is routine, not a fault of the link.
    ch.on('error', () => {});
    try {
      return await fn(ch);
    } finally {
      // Closing hands back anything still unacked (requeued), whatever happened above.
      await ch.close().catch(() => {});
    }
  }

  const copyTo = (ch: ConfirmChannel, queue: string, msg: GetMessage) => {
    const p = msg.properties;
    return publishConfirmed(
      ch,
      '',
      queue,
      msg.content,
      {
        persistent: true,
        contentType: p.contentType ?? 'application/json',
        ...(p.messageId ? { messageId: p.messageId } : {}),
        ...(p.type ? { type: p.type } : {}),
        ...(p.appId ? { appId: p.appId } : {}),
        headers: requeuedHeaders(p.headers),
      },
      opts.confirmTimeoutMs,
    );
  };

  return {
    peek(queue, limit) {
      return withChannel(async (ch) => {
        const parked = parkedQueueOf(queue);
        const { messageCount } = await ch.checkQueue(parked);
        const messages: ParkedMessage[] = [];
        while (messages.length < Math.min(limit, messageCount)) {
          const msg = await ch.get(parked, { noAck: false });
          if (!msg) break;
          messages.push(toParked(msg));
        }
        ch.nackAll(true);
        return { count: messageCount, messages };
      });
    },

    requeueAll(queue, max) {
      return withChannel(async (ch) => {
        const parked = parkedQueueOf(queue);
        const { messageCount } = await ch.checkQueue(parked);
        const budget = Math.min(max, messageCount);
        const requeued: (string | null)[] = [];
        while (requeued.length < budget) {
          const batch: GetMessage[] = [];
          while (batch.length < REQUEUE_BATCH && requeued.length + batch.length < budget) {
            const msg = await ch.get(parked, { noAck: false });
            if (!msg) break;
            batch.push(msg);
          }
          if (batch.length === 0) break;
          // Confirms are awaited together; the originals are acked only when every copy is confirmed.
          await Promise.all(batch.map((m) => copyTo(ch, queue, m)));
          ch.ack(batch[batch.length - 1]!, true);
          requeued.push(...batch.map((m) => toParked(m).messageId));
        }
        return { requeued, remaining: messageCount - requeued.length };
      });
    },

    requeueOne(queue, messageId, scanLimit) {
      return withChannel(async (ch) => {
        const parked = parkedQueueOf(queue);
        const { messageCount } = await ch.checkQueue(parked);
        const budget = Math.min(scanLimit, messageCount);
        const requeued: (string | null)[] = [];
        for (let seen = 0; seen < budget; seen++) {
          const msg = await ch.get(parked, { noAck: false });
          if (!msg) break;
          if (msg.properties.messageId !== messageId) continue;
          await copyTo(ch, queue, msg);
          ch.ack(msg);
          requeued.push(messageId);
        }
        // Everything else taken during the scan goes back where it was. (Counted from the start: the broker
        // processes the nack asynchronously, so a queue check now could still miss the requeued messages.)
        ch.nackAll(true);
        return { requeued, remaining: messageCount - requeued.length };
      });
    },
  };
}
