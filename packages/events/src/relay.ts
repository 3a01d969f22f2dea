// The outbox relay: the only publisher of domain events. Publishes committed rows of `<schema>.outbox` to
// the broker at least once, in id order per batch, and stamps them published.
//
// Design: one drain = one transaction that locks up to `batchSize` queued rows (`outbox_pending`, one per
// unpublished outbox row) `FOR UPDATE SKIP LOCKED` (so replicas share the work without publishing a row twice
// concurrently), publishes the whole batch in id order on one confirm channel without waiting in between, awaits
// all confirms together, then dequeues and stamps the confirmed prefix in one statement. The first unconfirmed
// row records its error and ends the prefix, so later rows never overtake it in the outbox (they stay queued
// and are published again next drain). A publish that succeeds
// and whose stamp then fails to commit is published again next time: consumers dedupe on eventId (inbox).
// Drains are triggered by Postgres NOTIFY (sent by `stage()` on commit) for low latency, by a periodic
// sweep as the backstop (a missed notification, a failed publish, a lost LISTEN connection), and loop at
// once while batches come back full.
import { createListener, type Database } from '@bss/db';
import type { Logger } from '@bss/telemetry';
import { sql } from 'drizzle-orm';
import { notifyChannel } from './outbox.ts';
import { outboxRowToEnvelope, type OutboxRow } from './outbox-row.ts';
import type { EventPublisher, PublishItem, PublishOutcome } from './types.ts';

/** Wiring of a relay. */
export interface RelayOptions {
  database: Database;
  /** Schema whose outbox this relay drains. */
  schema: string;
  /** Confirmed publisher, normally the service's AMQP bus. */
  publisher: EventPublisher;
  logger: Logger;
  /** Rows per drain transaction (default 1000). */
  batchSize?: number;
  /** Backstop sweep period (default 1000 ms); NOTIFY wakes the relay sooner. */
  sweepIntervalMs?: number;
}

/** A running relay. */
export interface Relay {
  /** Starts listening and sweeping; drains whatever is pending right away. */
  start(): Promise<void>;
  /** Stops timers and the listener and waits for an in-flight drain. */
  stop(): Promise<void>;
  /** Drains one batch now (serialised with the background loop); returns the number of rows published. */
  drainOnce(): Promise<number>;
  /** Drains until a batch comes back short or fails, pipelined as the background loop does; returns rows published. */
  drain(): Promise<number>;
}

const MAX_ERROR = 500;
/** Batches in flight at once (each holds one connection of the relay's pool while it awaits its confirms). */
export const PIPELINE_DEPTH = 2;

/** What a drain did: rows stamped, whether the batch was full, whether every row was confirmed. */
interface BatchResult {
  published: number;
  full: boolean;
  ok: boolean;
}

/**
 * Publishes a batch: pipelined when the publisher supports it (all publishes go out, then all confirms are
 * awaited together), otherwise one confirmed publish at a time, stopping at the first failure.
 */
async function publishAll(publisher: EventPublisher, items: PublishItem[]): Promise<PublishOutcome[]> {
  if (publisher.publishBatch) return publisher.publishBatch(items);
  const outcomes: PublishOutcome[] = [];
  for (const item of items) {
    try {
      await publisher.publish(item.event, { traceparent: item.traceparent ?? null });
      outcomes.push({ ok: true });
    } catch (err) {
      outcomes.push({ ok: false, error: err instanceof Error ? err.message : String(err) });
      break;
    }
  }
  while (outcomes.length < items.length) outcomes.push({ ok: false, error: 'not attempted after an earlier failure' });
  return outcomes;
}


/** Creates a relay for `schema`'s outbox. Call `start()` to run it in the background. */
export function createRelay(opts: RelayOptions): Relay {
  const { database, schema, publisher, logger } = opts;
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name: ${schema}`);
  const batchSize = opts.batchSize ?? 1000;
  const sweepIntervalMs = opts.sweepIntervalMs ?? 1000;
  const table = sql.raw(`${schema}.outbox`);
  // The relay's queue (migrations/_platform/0005_outbox_pending.sql): one row per unpublished outbox row.
  const pending = sql.raw(`${schema}.outbox_pending`);
  const channel = notifyChannel(schema);

  let started = false;
  let sweepTimer: ReturnType<typeof setTimeout> | undefined;
  let loop: Promise<void> | undefined;
  let again = false;
  // Set while the background loop waits for its batches' confirms: a NOTIFY (or stop) wakes it to claim at once.
  let wake: (() => void) | undefined;
  let failing = false;
  // Serialises drains: the background loop and drainOnce() never run a batch at the same time.
  let tail: Promise<unknown> = Promise.resolve();

  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.then(fn);
    tail = run.catch(() => {});
    return run;
  }

  /**
   * Drains one batch. `after` is the outcome of the batch published just before this one (pipelined): this
   * batch stamps nothing unless that one was confirmed in full, so a row never overtakes an earlier one in
   * the outbox. `onPublishing(n)` fires once this batch's n publishes have been handed to the publisher.
   */
  async function drainBatch(after: Promise<boolean> = Promise.resolve(true), onPublishing: (rows: number) => void = () => {}): Promise<BatchResult> {
    let announced = false;
    try {
      return await database.db.transaction(async (tx) => {
        // occurred_at is formatted like the clock's toISOString() so the relayed envelope matches the staged one.
        // The LIMIT 1 keeps the lateral subquery from being flattened into a join the planner may run as a merge
        // join, walking the outbox's primary key from its first row up to the claimed ids (seen under load).
        const { rows: claimed } = await tx.execute<Partial<OutboxRow> & { queued_id: string }>(sql`
          SELECT p.id AS queued_id, o.* FROM (SELECT id FROM ${pending} ORDER BY id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED) p
          LEFT JOIN LATERAL (
            SELECT id, event_id, event_type, aggregate_type, aggregate_id,
                   to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
                   actor, channel, tenant_id, service_identity, request_id, trace_id, traceparent, schema_version, correlation_id, causation_id, payload
            FROM ${table} WHERE id = p.id LIMIT 1) o ON true
          ORDER BY p.id`);
        // A queued id without its row (the row was deleted by hand) has nothing to publish: it is dequeued below.
        const rows = claimed.filter((r): r is OutboxRow & { queued_id: string } => r.event_id != null);
        const orphans = claimed.filter((r) => r.event_id == null).map((r) => r.queued_id);
        const items = rows.map((row) => ({ event: outboxRowToEnvelope(row), traceparent: row.traceparent }));
        const publishing = publishAll(publisher, items);
        announced = true;
        onPublishing(rows.length);
        const outcomes = await publishing;
        // Nothing claimed: settle at once rather than hold a connection until the batch before has settled.
        if (claimed.length === 0) return { published: 0, full: false, ok: true };
        // The previous batch failed somewhere: leave this whole batch for the next drain (its confirmed rows
        // are published again; consumers dedupe by eventId).
        if (!(await after.catch(() => false))) return { published: 0, full: false, ok: false };
        // Stamp only the confirmed prefix: a row after the first failure may have been confirmed too, but
        // stamping it would let it overtake the failed one; it is published again (consumers dedupe by eventId).
        const done: string[] = [...orphans];
        let failure: { id: string; error: string } | undefined;
        for (const [i, row] of rows.entries()) {
          const outcome = outcomes[i]!;
          if (!outcome.ok) {
            failure = { id: row.id, error: outcome.error.slice(0, MAX_ERROR) };
            break;
          }
          done.push(row.id);
        }
        const published = done.length - orphans.length;
        if (done.length) {
          await tx.execute(sql`
            WITH sent AS (DELETE FROM ${pending} WHERE id = ANY(${`{${done.join(',')}}`}::bigint[]) RETURNING id)
            UPDATE ${table} o SET published_at = now(), publish_attempts = publish_attempts + 1
            FROM sent WHERE o.id = sent.id`);
        }
        if (failure) {
          await tx.execute(sql`
            UPDATE ${table} SET publish_attempts = publish_attempts + 1, last_publish_error = ${failure.error}
            WHERE id = ${failure.id}`);
          // One warning per outage, not one per sweep.
          if (!failing) logger.warn({ schema, outboxId: failure.id, err: failure.error }, 'outbox publish failed; will retry');
          failing = true;
        } else if (published && failing) {
          failing = false;
          logger.info({ schema }, 'outbox publishing recovered');
        }
        return { published, full: !failure && claimed.length === batchSize, ok: !failure };
      });
    } finally {
      if (!announced) onPublishing(0);
    }
  }

  /**
   * Drains until a batch comes back short, two batches deep: while one batch waits for its confirms the next
   * is already claimed (SKIP LOCKED passes over the rows the first still holds) and its publishes queue behind
   * the first's on the same channel, so database and broker work overlap and id order is kept. A batch
   * stamps only when the one before it was confirmed in full.
   *
   * In the background the loop does not stop at a short batch while batches are still in flight: it waits for
   * them to settle *or* for a NOTIFY, whichever comes first, and on a NOTIFY claims the new commits at once.
   * Waiting for the confirms, the stamp and its commit first (as an explicit drain() does) put all of that on
   * every event's path at a steady rate — commit → handled ≈ one whole batch cycle.
   */
  async function drainAll(background: boolean): Promise<number> {
    // A publisher without publishBatch publishes one row at a time: batches must not interleave then.
    const depth = publisher.publishBatch ? PIPELINE_DEPTH : 1;
    // The newest `depth` batches; older ones have settled (a batch settles only after the one before it).
    const inFlight: Promise<BatchResult>[] = [];
    let published = 0;
    // A batch that was not confirmed in full (or failed) ends the loop: the sweep retries, not every NOTIFY.
    let stopped = false;
    let batchError: unknown;
    let claimError: unknown;
    const track = (batch: Promise<BatchResult>) => {
      batch.then(
        (r) => {
          published += r.published;
          if (!r.ok) stopped = true;
        },
        (err: unknown) => {
          batchError ??= err;
          stopped = true;
        },
      );
      return batch;
    };
    try {
      // The background loop stops when the relay stops; an explicit drain() runs to the end.
      while (started || !background) {
        // At most `depth` batches at once: wait for the oldest before claiming another.
        if (inFlight.length >= depth) {
          const earlier = await inFlight.shift()!.catch(() => undefined);
          if (!earlier?.ok) break;
        }
        const previous = inFlight.at(-1);
        const after = previous ? previous.then((r) => r.ok, () => false) : Promise.resolve(true);
        let announce!: (rows: number) => void;
        const publishing = new Promise<number>((resolve) => (announce = resolve));
        inFlight.push(track(drainBatch(after, announce)));
        const claimed = await publishing;
        // An empty claim must not hold a pipeline slot: with two slots, an empty batch claimed just after a
        // batch still awaiting its confirms would make the next NOTIFY's claim wait for those confirms.
        if (claimed === 0) await inFlight.pop();
        if (claimed === batchSize) continue;
        if (!background) break;
        // Commits announced (NOTIFY) while this batch was claimed are claimed now, while it awaits its confirms;
        // otherwise wait for the next NOTIFY or for the batches in flight to settle, whichever comes first.
        if (!again) {
          const settled = Promise.allSettled(inFlight).then(() => 'settled' as const);
          const kicked = new Promise<'kicked'>((resolve) => (wake = () => resolve('kicked')));
          const woke = await Promise.race([settled, kicked]);
          wake = undefined;
          // Settled with no NOTIFY meanwhile: the loop ends (runLoop goes round again if one comes now).
          if (woke === 'settled' && !again) break;
        }
        if (stopped) break;
        again = false;
      }
    } catch (err) {
      claimError = err;
    }
    await Promise.allSettled(inFlight);
    if (claimError ?? batchError) throw claimError ?? batchError;
    return published;
  }

  async function runLoop(): Promise<void> {
    do {
      again = false;
      try {
        await exclusive(() => drainAll(true));
      } catch (err) {
        // Typically the database is unreachable; the next sweep tries again.
        logger.error({ schema, err: (err as Error).message }, 'outbox drain failed');
        return;
      }
    } while (again && started);
  }

  /** Requests a drain; coalesces with a running loop, which then goes round once more. */
  function kick(): void {
    if (!started) return;
    if (loop) {
      again = true;
      wake?.();
      return;
    }
    loop = runLoop().finally(() => {
      loop = undefined;
    });
  }

  function armSweep(): void {
    if (!started) return;
    sweepTimer = setTimeout(() => {
      kick();
      armSweep();
    }, sweepIntervalMs);
    sweepTimer.unref();
  }

  // The LISTEN connection (from the relay's own pool), re-established with backoff when lost. Rows committed
  // while nobody listened sent notifications nobody heard: each (re)established LISTEN kicks a drain.
  const listener = createListener({
    pool: database.pool,
    channel,
    onNotification: () => kick(),
    onListening: () => kick(),
    onTrouble: (kind, err) =>
      logger.warn({ schema, err: err?.message }, kind === 'lost' ? 'outbox LISTEN connection lost; reconnecting' : 'outbox LISTEN failed; retrying'),
  });

  return {
    async start() {
      if (started) return;
      started = true;
      armSweep();
      await listener.start();
      kick();
    },
    async stop() {
      started = false;
      wake?.();
      clearTimeout(sweepTimer);
      // Destroys the connection rather than returning it to the pool still LISTENing.
      listener.stop();
      await loop;
      await tail;
    },
    drainOnce() {
      return exclusive(() => drainBatch()).then((r) => r.published);
    },
    drain() {
      return exclusive(() => drainAll(false));
    },
  };
}
