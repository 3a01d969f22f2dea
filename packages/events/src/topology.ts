// Broker topology: the events exchange with its alternate exchange and `<exchange>.unrouted` queue, and each
// consumer queue with its delay-tier retry queues and parked queue. Every declaration is idempotent and its
// arguments derive from the name alone, so any service (or version) re-declaring it never disagrees.
//
//   <exchange> (topic, alternate-exchange = <exchange>.unrouted)
//     ├─ binding ─▶ Q ──fail──▶ Q.retry.<delay> (TTL = delay, DLX '' → Q) ── after the deadline / N ──▶ Q.parked
//     └─ no binding matched ─▶ <exchange>.unrouted (fanout) ─▶ queue <exchange>.unrouted
import type { Channel } from 'amqplib';

/** Default retry delay tiers: attempt n waits tier n (the last one repeats): capped exponential backoff. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 5_000, 30_000, 120_000, 300_000];

/** Name of the alternate exchange and of the durable queue that keep events no binding matched. */
export const unroutedOf = (exchange: string) => `${exchange}.unrouted`;
/** Name of the queue where messages that exhausted their retries (or are unreadable) wait for an operator. */
export const parkedQueueOf = (queue: string) => `${queue}.parked`;

/** `1000` → `1s`, `120000` → `2m`, `250` → `250ms`: the delay as it appears in a retry queue's name. */
export function delayLabel(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** Name of the delay queue that returns failed messages to `queue` after `delayMs`. */
export const retryQueueOf = (queue: string, delayMs: number) => `${queue}.retry.${delayLabel(delayMs)}`;

/** What declaring the exchange found. `legacy`: it exists without our alternate exchange (see DECISIONS). */
export type ExchangeState = 'ok' | 'legacy';

const PRECONDITION_FAILED = 406;

/**
 * Declares the alternate exchange, the unrouted queue and `exchange` itself. Uses throwaway channels from
 * `open`, because a refused declaration closes its channel. An `exchange` that already exists without the
 * alternate-exchange argument (created by an earlier version) cannot be changed in place: that is reported
 * as `legacy` and the exchange is used as it is (mandatory publishes then catch unroutable events).
 */
export async function declareExchange(open: () => Promise<Channel>, exchange: string): Promise<ExchangeState> {
  // A refused declaration is reported by the rejected call; the channel's 'error' event repeats it.
  const quiet = async () => {
    const c = await open();
    c.on('error', () => {});
    return c;
  };
  let ch = await quiet();
  const unrouted = unroutedOf(exchange);
  await ch.assertExchange(unrouted, 'fanout', { durable: true });
  await ch.assertQueue(unrouted, { durable: true });
  await ch.bindQueue(unrouted, unrouted, '');
  let state: ExchangeState = 'ok';
  try {
    await ch.assertExchange(exchange, 'topic', { durable: true, alternateExchange: unrouted });
  } catch (err) {
    if ((err as { code?: number }).code !== PRECONDITION_FAILED) throw err;
    state = 'legacy';
    ch = await quiet();
    await ch.checkExchange(exchange);
  }
  await ch.close().catch(() => {});
  return state;
}

/** Declares consumer queue `queue` bound to `exchange`, its retry tiers and its parked queue. */
export async function declareQueue(ch: Channel, exchange: string, queue: string, bindings: readonly string[], retryDelaysMs: readonly number[]): Promise<void> {
  await ch.assertQueue(queue, { durable: true });
  for (const binding of bindings) await ch.bindQueue(queue, exchange, binding);
  for (const delay of new Set(retryDelaysMs)) {
    await ch.assertQueue(retryQueueOf(queue, delay), {
      durable: true,
      arguments: { 'x-message-ttl': delay, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': queue },
    });
  }
  await ch.assertQueue(parkedQueueOf(queue), { durable: true });
}
