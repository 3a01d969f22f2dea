// A LISTEN on one dedicated pooled connection that comes back by itself: when the connection errors or ends
// it is destroyed (never returned to the pool still LISTENing) and LISTEN is retried with a capped exponential
// backoff. NOTIFY is delivered only at commit and only to sessions listening at that moment, so a caller treats
// a notification as a hint to look now and keeps a periodic look as the backstop; `onListening` fires each
// time the LISTEN is (re)established, because commits made while nobody listened sent notifications nobody heard.
import pg from 'pg';

export interface ListenerOptions {
  pool: pg.Pool;
  /** Channel name; quoted as an identifier, so it must be a plain lower-case name. */
  channel: string;
  /** A notification arrived on the channel. */
  onNotification(payload: string | undefined): void;
  /** LISTEN is in place (first time or after a reconnect). */
  onListening?(): void;
  /** The connection was lost ('lost') or LISTEN could not be set up ('failed'); a retry is scheduled either way. */
  onTrouble?(kind: 'lost' | 'failed', err: Error | undefined): void;
  /** Backoff of the n-th consecutive retry (default 250 ms × 2^n, at most 30 s). */
  backoffMs?(failures: number): number;
}

export interface Listener {
  /** Connects and LISTENs; resolves once LISTEN is in place or a retry is scheduled (never rejects). */
  start(): Promise<void>;
  /** Stops retrying and destroys the connection. */
  stop(): void;
}

const defaultBackoff = (failures: number) => Math.min(30_000, 250 * 2 ** Math.min(failures, 7));

export function createListener(opts: ListenerOptions): Listener {
  const { pool, channel } = opts;
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name: ${channel}`);
  const backoff = opts.backoffMs ?? defaultBackoff;
  let started = false;
  let client: pg.PoolClient | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  function drop(c: pg.PoolClient, err?: Error): void {
    if (client !== c) return;
    client = undefined;
    c.release(err ?? true);
    if (started) {
      opts.onTrouble?.('lost', err);
      schedule();
    }
  }

  function schedule(): void {
    if (!started || timer) return;
    const delay = backoff(failures);
    failures++;
    timer = setTimeout(() => {
      timer = undefined;
      void listen();
    }, delay);
    timer.unref();
  }

  async function listen(): Promise<void> {
    if (!started || client) return;
    let c: pg.PoolClient | undefined;
    try {
      c = await pool.connect();
      const own = c;
      // Stopped while connecting: nobody will stop this connection later.
      if (!started) {
        own.release(true);
        return;
      }
      own.on('notification', (n) => {
        if (n.channel === channel) opts.onNotification(n.payload);
      });
      own.on('error', (err) => drop(own, err));
      own.on('end', () => drop(own));
      client = own;
      await own.query(`LISTEN "${channel}"`);
      // Stopped (or lost) while LISTEN was in flight: whoever cleared `client` has released the connection.
      if (client !== own) return;
      failures = 0;
      opts.onListening?.();
    } catch (err) {
      if (c && client === c) {
        client = undefined;
        c.release(true);
      }
      if (started) opts.onTrouble?.('failed', err as Error);
      schedule();
    }
  }

  return {
    async start() {
      if (started) return;
      started = true;
      await listen();
    },
    stop() {
      started = false;
      clearTimeout(timer);
      timer = undefined;
      const c = client;
      client = undefined;
      // Destroy rather than return to the pool: the connection is still LISTENing.
      c?.release(true);
    },
  };
}

/**
 * A one-connection pool with `pool`'s connection settings, for a listener that must not hold one of a small
 * service pool's connections for the life of the process. Its owner ends it after stopping the listener.
 */
export function listenerPool(pool: pg.Pool, applicationName?: string): pg.Pool {
  const own = new pg.Pool({ ...pool.options, max: 1, ...(applicationName ? { application_name: applicationName } : {}) });
  // A lost connection is handled by the listener (its 'error'/'end'); it must not crash the process.
  own.on('error', () => {});
  own.on('connect', (client) => client.on('error', () => {}));
  return own;
}
