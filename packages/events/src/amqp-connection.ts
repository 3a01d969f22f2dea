// One self-healing AMQP connection for a bus: amqplib's opt-in recovery reconnects with capped, jittered
// backoff, and each new connection runs the bus's setup (exchange, subscriptions) before it counts as live.
import type { Logger } from '@bss/telemetry';
import { connect, type Channel, type ChannelModel, type ConfirmChannel, type Options, type RecoveringChannelModel } from 'amqplib';
import { coalesceAmqpWrites } from './amqp-write-coalescing.ts';

/** One live connection: the model, and the confirm channel every publish from this bus goes through. */
export interface AmqpLink {
  model: ChannelModel;
  publisher: ConfirmChannel;
  /** Set once the link is going away, so its channels closing is not treated as a fault. */
  closing: boolean;
}

/** What the connection needs: where, how to log, what to set up on each connect, and the backoff bounds. */
export interface AmqpConnectionOptions {
  url: string;
  logger: Logger;
  /** Runs on every new connection before it is live; throwing drops the connection and retries later. */
  setup(link: AmqpLink): Promise<void>;
  reconnectInitialDelayMs: number;
  reconnectMaxDelayMs: number;
}

/** A lazily opened connection that keeps itself open until `close()`. */
export interface AmqpConnection {
  /** The live link, if any. Starts connecting on first use. */
  current(): AmqpLink | undefined;
  /** The live link, waiting up to `timeoutMs` for one; undefined when none came or the last attempt failed. */
  waitForLink(timeoutMs: number): Promise<AmqpLink | undefined>;
  /** Watches a channel of `link`: an unexpected close recycles the whole connection (then setup re-runs). */
  watch(link: AmqpLink, channel: Channel, what: string): void;
  /** Drops `link` so recovery opens a fresh connection and re-runs setup. */
  recycle(link: AmqpLink, reason: string): void;
  close(): Promise<void>;
}

/** Adds a heartbeat when the URL sets none, so a silently dead peer is noticed (and `isConnected` turns false). */
function withHeartbeat(url: string): string {
  try {
    const u = new URL(url);
    if (!u.searchParams.has('heartbeat')) u.searchParams.set('heartbeat', '15');
    return u.toString();
  } catch {
    return url;
  }
}

/** Longest a (re)connect may spend declaring the topology and attaching consumers before it is retried. */
export const SETUP_TIMEOUT_MS = 20_000;

/** Creates the connection; nothing is opened until the first `current()`/`waitForLink()`. */
export function createAmqpConnection(opts: AmqpConnectionOptions): AmqpConnection {
  const { logger } = opts;
  let recovering: Promise<RecoveringChannelModel | undefined> | undefined;
  let live: AmqpLink | undefined;
  let closed = false;
  let failing = false;
  const waiters = new Set<(link: AmqpLink | undefined) => void>();

  const settleWaiters = (link: AmqpLink | undefined) => {
    for (const w of [...waiters]) w(link);
    waiters.clear();
  };

  const recycle = (link: AmqpLink, reason: string) => {
    if (link.closing) return;
    link.closing = true;
    logger.warn({ reason }, 'amqp connection recycled');
    // Closing the model makes recovery see a 'close' and reconnect, which re-runs setup from scratch.
    link.model.close().catch(() => {});
  };

  async function setup(model: ChannelModel): Promise<void> {
    // amqplib's recovery binds its own 'error' listener only after setup returns: a connection cut while the
    // topology is being declared would emit 'error' on a model nobody listens to, and crash the process.
    model.on('error', (err: Error) => logger.debug({ err: err.message }, 'amqp connection error during setup'));
    if (!coalesceAmqpWrites(model)) logger.warn('amqplib internals changed: frames are written one syscall each');
    const publisher = await model.createConfirmChannel();
    const link: AmqpLink = { model, publisher, closing: false };
    watch(link, publisher, 'publisher');
    try {
      await withinSetupTimeout(opts.setup(link), model);
      // A channel that died while the topology was declared leaves the link unusable: start over.
      if (link.closing) throw new Error('a channel closed during connection setup');
    } catch (err) {
      link.closing = true;
      throw err;
    }
    if (closed) {
      link.closing = true;
      return;
    }
    live = link;
    if (failing) logger.info('amqp connection restored');
    else logger.debug('amqp connected');
    failing = false;
    settleWaiters(link);
  }

  // amqplib's recovery waits for setup without a bound: a setup stuck on a half-dead connection would stop every
  // reconnect for good. Past the bound the model is closed and setup fails, so recovery schedules a new attempt.
  async function withinSetupTimeout(work: Promise<void>, model: ChannelModel): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        model.close().catch(() => {});
        reject(new Error(`amqp connection setup did not finish within ${SETUP_TIMEOUT_MS} ms`));
      }, SETUP_TIMEOUT_MS);
    });
    try {
      await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  function start(): void {
    if (recovering || closed) return;
    const recovery = { waitForConnect: false, initialDelay: opts.reconnectInitialDelayMs, maxDelay: opts.reconnectMaxDelayMs, setup };
    // noDelay: amqplib leaves Nagle on, so a publish written while an earlier small frame (typically a consumer's
    // basic.ack on the same connection) is still unacknowledged waits for the broker's delayed TCP ACK — ≈40 ms
    // per event hop, measured in the order flow. Each turn's frames leave in one write (amqp-write-coalescing.ts), so
    // Nagle has nothing left to batch; it only adds delay.
    recovering = connect(withHeartbeat(opts.url), { recovery, noDelay: true }).then(
      (model) => {
        // Without an 'error' listener an EventEmitter throws; a broker error must never crash the process.
        model.on('error', (err: Error) => logger.warn({ err: err.message }, 'amqp connection error'));
        model.on('disconnect', (err: Error) => {
          if (live) live.closing = true;
          live = undefined;
          if (!closed) logger.warn({ err: err.message }, 'amqp connection lost; reconnecting');
        });
        model.on('connect-failed', (err: Error) => {
          // Log the first failure of an outage loudly, the retries quietly.
          if (!failing) logger.warn({ err: err.message }, 'amqp connect failed; retrying with backoff');
          else logger.debug({ err: err.message }, 'amqp connect failed again');
          failing = true;
          // Callers waiting for a link learn now that none is coming soon, instead of at their timeout.
          settleWaiters(undefined);
        });
        model.on('blocked', (reason: string) => logger.warn({ reason }, 'amqp connection blocked by broker'));
        return model;
      },
      (err: Error) => {
        logger.error({ err: err.message }, 'amqp connection could not be set up');
        return undefined;
      },
    );
  }

  function watch(link: AmqpLink, channel: Channel, what: string): void {
    channel.on('error', (err: Error) => logger.warn({ err: err.message, channel: what }, 'amqp channel error'));
    channel.on('close', () => {
      // amqplib closes a dying connection's channels before the connection reports 'close'; look again on
      // the next turn so only a channel that died on its own (connection still up) recycles the link.
      setImmediate(() => {
        if (link.closing || closed) return;
        // A link still being set up is not recycled from here (closing its model under the running setup could
        // leave that setup waiting forever); setup sees the mark and fails, and recovery starts over.
        if (live !== link) link.closing = true;
        else recycle(link, `${what} channel closed`);
      });
    });
  }

  return {
    current() {
      start();
      return live;
    },
    waitForLink(timeoutMs) {
      start();
      // During an outage (last attempt failed) answer at once: the relay retries on its own schedule.
      if (live || closed || failing) return Promise.resolve(live);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(done);
          resolve(undefined);
        }, timeoutMs);
        const done = (link: AmqpLink | undefined) => {
          clearTimeout(timer);
          resolve(link);
        };
        waiters.add(done);
      });
    },
    watch,
    recycle,
    async close() {
      if (closed) return;
      closed = true;
      if (live) live.closing = true;
      live = undefined;
      settleWaiters(undefined);
      const model = await recovering;
      // Stops recovery (no further reconnects) and closes the current connection with its channels.
      await model?.close().catch(() => {});
    },
  };
}

/** Publishes on a confirm channel and resolves only when the broker confirmed; rejects on nack, close or timeout. */
export function publishConfirmed(
  channel: ConfirmChannel,
  exchange: string,
  routingKey: string,
  body: Buffer,
  options: Options.Publish,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`broker did not confirm within ${timeoutMs} ms`)), timeoutMs);
    try {
      channel.publish(exchange, routingKey, body, options, (err: unknown) => {
        clearTimeout(timer);
        if (err) reject(err instanceof Error ? err : new Error(`broker rejected the message: ${String(err)}`));
        else resolve();
      });
    } catch (err) {
      // amqplib throws synchronously when the channel is already closed.
      clearTimeout(timer);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
