// Retention of the event tables: deletes published outbox rows (the audit trail) older than the outbox
// retention, and inbox rows older than the inbox retention, in small batches so no statement holds many
// locks or a long snapshot (autovacuum keeps up, the relay and writers never wait behind it).
//
// Clock-driven: a timer only wakes the worker; whether a run is due, and every cutoff, come from the
// injected clock, so a scenario that advances business time sees the trail age accordingly. Unpublished rows
// are never deleted, whatever their age: they are events still owed to the broker.
//
// The inbox is the consumer's memory of what it handled. A row may only go once no copy of its event can
// still arrive: broker redeliveries and relay re-sends happen within minutes of wall time, and operator
// re-publishing is refused past the inbox retention (see the admin replay routes). So an inbox row goes only
// when it is older than the retention by *both* the business clock and the database's wall clock — advancing
// the scenario clock alone never makes a consumer forget an event it handled a minute ago.
import type { Clock } from '@bss/clock';
import type { Database } from '@bss/db';
import type { Logger } from '@bss/telemetry';
import { sql } from 'drizzle-orm';

const DAY_MS = 86_400_000;
const SCHEMA = /^[a-z_][a-z0-9_]*$/;

/** Wiring of a retention worker. Retention of 0 days keeps rows forever. */
export interface RetentionOptions {
  database: Database;
  clock: Clock;
  logger: Logger;
  /** Schema whose outbox is pruned. */
  outboxSchema: string;
  /** Schemas whose inbox is pruned (the service's consumers' inbox schemas). */
  inboxSchemas: string[];
  /** Published outbox rows older than this many days (by occurred_at) are deleted; 0 = never. */
  outboxRetentionDays: number;
  /** Inbox rows older than this many days (by processed_at) are deleted; 0 = never. */
  inboxRetentionDays: number;
  /** Rows per DELETE statement (default 5000). */
  batchSize?: number;
  /** How often the timer wakes to check whether a run is due (default 60 000 ms of wall time). */
  wakeIntervalMs?: number;
  /** Business time between runs (default 1 h by the injected clock). */
  runEveryMs?: number;
}

/** What one run deleted. */
export interface RetentionReport {
  outboxDeleted: number;
  inboxDeleted: number;
}

/** A retention worker (a runtime `Worker`), with `runOnce()` for tests and operators. */
export interface RetentionWorker {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Runs now (whether due or not), serialised with the background loop. */
  runOnce(): Promise<RetentionReport>;
}

/** Creates the retention worker of one service. */
export function createRetentionWorker(opts: RetentionOptions): RetentionWorker {
  const { database, clock, logger } = opts;
  for (const s of [opts.outboxSchema, ...opts.inboxSchemas]) if (!SCHEMA.test(s)) throw new Error(`bad schema name: ${s}`);
  const batchSize = opts.batchSize ?? 5000;
  const wakeIntervalMs = opts.wakeIntervalMs ?? 60_000;
  const runEveryMs = opts.runEveryMs ?? 3_600_000;
  const inboxSchemas = [...new Set(opts.inboxSchemas)];

  let started = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRunAt: number | undefined;
  let tail: Promise<unknown> = Promise.resolve();

  let stopping = false;

  /** Repeats `deleteBatch` until a batch comes back short, or the worker is stopping (the next run resumes). */
  async function drain(deleteBatch: () => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await deleteBatch();
      total += n;
      if (n < batchSize || stopping) return total;
    }
  }

  async function pruneOutbox(now: Date): Promise<number> {
    if (opts.outboxRetentionDays === 0) return 0;
    const cutoff = new Date(now.getTime() - opts.outboxRetentionDays * DAY_MS).toISOString();
    const table = sql.raw(`${opts.outboxSchema}.outbox`);
    // Oldest first along (occurred_at, id); SKIP LOCKED steps around rows a relay batch or a republish holds.
    return drain(async () => {
      const res = await database.db.execute(sql`
        DELETE FROM ${table} WHERE id IN (
          SELECT id FROM ${table} WHERE occurred_at < ${cutoff} AND published_at IS NOT NULL
          ORDER BY occurred_at, id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)`);
      return res.rowCount ?? 0;
    });
  }

  async function pruneInbox(schema: string, now: Date): Promise<number> {
    if (opts.inboxRetentionDays === 0) return 0;
    const table = sql.raw(`${schema}.inbox`);
    return drain(async () => {
      const res = await database.db.execute(sql`
        DELETE FROM ${table} WHERE (event_id, consumer) IN (
          SELECT event_id, consumer FROM ${table}
          WHERE processed_at < LEAST(now(), ${now.toISOString()}::timestamptz) - make_interval(days => ${opts.inboxRetentionDays})
          ORDER BY processed_at LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)`);
      return res.rowCount ?? 0;
    });
  }

  function runOnce(): Promise<RetentionReport> {
    const run = tail.then(async () => {
      const now = clock.now();
      lastRunAt = now.getTime();
      const outboxDeleted = await pruneOutbox(now);
      let inboxDeleted = 0;
      for (const schema of inboxSchemas) inboxDeleted += await pruneInbox(schema, now);
      if (outboxDeleted || inboxDeleted) {
        logger.info({ schema: opts.outboxSchema, outboxDeleted, inboxDeleted }, 'event retention pruned rows');
      }
      return { outboxDeleted, inboxDeleted };
    });
    tail = run.catch(() => {});
    return run;
  }

  /** Due when a run period of business time has passed, or the clock was moved back before the last run. */
  function due(): boolean {
    if (lastRunAt === undefined) return true;
    const now = clock.now().getTime();
    return now - lastRunAt >= runEveryMs || now < lastRunAt;
  }

  function arm(): void {
    if (!started) return;
    timer = setTimeout(() => {
      timer = undefined;
      const work = due()
        ? runOnce().catch((err: unknown) => logger.error({ schema: opts.outboxSchema, err: (err as Error).message }, 'event retention run failed'))
        : Promise.resolve();
      void work.finally(arm);
    }, wakeIntervalMs);
    timer.unref();
  }

  return {
    async start() {
      if (started) return;
      started = true;
      stopping = false;
      arm();
    },
    async stop() {
      started = false;
      stopping = true;
      clearTimeout(timer);
      timer = undefined;
      await tail;
    },
    runOnce,
  };
}
