// The outbox relay against real Postgres with a recording publisher: stamping, ordering, failure
// bookkeeping, NOTIFY wake-up (and its reconnect), rollback, full-batch looping and SKIP LOCKED sharing.
import { frozenClock } from '@bss/clock';
import type { EventEnvelope } from '@bss/contracts';
import type { TestDatabase } from '@bss/testing';
import { createLogger } from '@bss/telemetry';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOutbox, createRelay, resetPublished, type EventPublisher, type Relay } from '../src/index.ts';
import { databaseWithSchema, sleep, waitFor } from './support.ts';

const SCHEMA = 'relay_test';
const logger = createLogger('relay-test', 'silent');
const outbox = createOutbox(SCHEMA, frozenClock('2026-06-01T00:00:00Z'));
let db: TestDatabase;
let relays: Relay[] = [];

/** A publisher that records what it got; `failWhen` makes chosen publishes reject; `delayMs` slows each one. */
function recorder(opts: { failWhen?: (e: EventEnvelope) => boolean; delayMs?: number } = {}) {
  const got: { event: EventEnvelope; traceparent: string | null | undefined }[] = [];
  const publisher: EventPublisher = {
    async publish(event, headers) {
      if (opts.delayMs) await sleep(opts.delayMs);
      if (opts.failWhen?.(event)) throw new Error(`broker says no to ${event.aggregateId}`);
      got.push({ event, traceparent: headers?.traceparent });
    },
  };
  return { publisher, got };
}

function relayWith(publisher: EventPublisher, extra: { batchSize?: number; sweepIntervalMs?: number } = {}): Relay {
  const relay = createRelay({ database: db, schema: SCHEMA, publisher, logger, ...extra });
  relays.push(relay);
  return relay;
}

async function stage(aggregateId: string, payload: Record<string, unknown> = {}) {
  return db.db.transaction((tx) => outbox.stage(tx, { eventType: 'widget.created', aggregateType: 'widget', aggregateId, payload }));
}

async function rows() {
  const res = await db.db.execute<{ aggregate_id: string; published_at: unknown; publish_attempts: number; last_publish_error: string | null }>(
    sql`SELECT aggregate_id, published_at, publish_attempts, last_publish_error FROM relay_test.outbox ORDER BY id`,
  );
  return res.rows;
}

beforeAll(async () => {
  db = await databaseWithSchema(SCHEMA);
});
afterAll(async () => {
  await db?.drop();
});
beforeEach(async () => {
  // Relay tests need committed rows, so each test starts from an empty outbox.
  await db.db.execute(sql`TRUNCATE relay_test.outbox`);
});
afterEach(async () => {
  await Promise.all(relays.map((r) => r.stop()));
  relays = [];
});

describe('relay', () => {
  it('publishes committed rows in id order and stamps published_at and publish_attempts', async () => {
    const staged = [await stage('A-1', { n: 1 }), await stage('A-2', { n: 2 }), await stage('A-3', { n: 3 })];
    const { publisher, got } = recorder();
    expect(await relayWith(publisher).drainOnce()).toBe(3);
    // The relayed envelope is exactly the staged one.
    expect(got.map((g) => g.event)).toEqual(staged);
    const after = await rows();
    expect(after.every((r) => r.published_at !== null && r.publish_attempts === 1 && r.last_publish_error === null)).toBe(true);
    expect(await relayWith(publisher).drainOnce()).toBe(0);
  });

  it('works from the outbox_pending queue: staging queues a row, publishing dequeues it, a republish queues it again', async () => {
    const queued = async () => (await db.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM relay_test.outbox_pending`)).rows[0]!.n;
    const e = await stage('Q-1');
    // A row written without outbox.stage (a hand-written INSERT) is queued too: the trigger sees every insert.
    await db.db.execute(sql`INSERT INTO relay_test.outbox (event_id, event_type, aggregate_type, aggregate_id, occurred_at, actor, channel, payload)
      VALUES (gen_random_uuid(), 'widget.created', 'widget', 'Q-2', now(), 'test', 'test', '{}')`);
    expect(await queued()).toBe(2);
    const { publisher, got } = recorder();
    expect(await relayWith(publisher).drainOnce()).toBe(2);
    expect(await queued()).toBe(0);
    expect(got.map((g) => g.event.aggregateId)).toEqual(['Q-1', 'Q-2']);
    await db.db.transaction((tx) => resetPublished(tx, SCHEMA, [e.eventId]));
    expect(await queued()).toBe(1);
    expect(await relayWith(publisher).drainOnce()).toBe(1);
    expect(got.map((g) => g.event.aggregateId)).toEqual(['Q-1', 'Q-2', 'Q-1']);
  });

  it('dequeues an id whose row was deleted without publishing anything for it, and keeps draining behind it', async () => {
    await stage('D-1');
    await stage('D-2');
    await db.db.execute(sql`DELETE FROM relay_test.outbox WHERE aggregate_id = 'D-1'`);
    const { publisher, got } = recorder();
    expect(await relayWith(publisher).drainOnce()).toBe(1);
    expect(got.map((g) => g.event.aggregateId)).toEqual(['D-2']);
    expect((await db.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM relay_test.outbox_pending`)).rows[0]!.n).toBe(0);
  });

  it('empties the queue with the outbox on TRUNCATE … RESTART IDENTITY, so a reused id is queued once', async () => {
    await stage('T-1');
    await db.db.execute(sql`TRUNCATE relay_test.outbox RESTART IDENTITY`);
    await stage('T-2');
    const { publisher, got } = recorder();
    expect(await relayWith(publisher).drainOnce()).toBe(1);
    expect(got.map((g) => g.event.aggregateId)).toEqual(['T-2']);
  });

  it('passes the staging request traceparent to the publisher', async () => {
    const { runWithContext, systemContext } = await import('@bss/telemetry');
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    await runWithContext(systemContext({ traceparent }), () => stage('T-1'));
    const { publisher, got } = recorder();
    await relayWith(publisher).drainOnce();
    expect(got[0]?.traceparent).toBe(traceparent);
    expect(got[0]?.event.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
  });

  it('records a failed publish on its row and stops the batch so later rows keep their order', async () => {
    await stage('B-1');
    await stage('B-2');
    await stage('B-3');
    let down = true;
    const { publisher, got } = recorder({ failWhen: (e) => down && e.aggregateId === 'B-2' });
    expect(await relayWith(publisher).drainOnce()).toBe(1);
    let after = await rows();
    expect(after.map((r) => [r.aggregate_id, r.published_at !== null, r.publish_attempts])).toEqual([
      ['B-1', true, 1],
      ['B-2', false, 1],
      ['B-3', false, 0],
    ]);
    expect(after[1]!.last_publish_error).toBe('broker says no to B-2');

    down = false;
    expect(await relayWith(publisher).drainOnce()).toBe(2);
    after = await rows();
    expect(after.map((r) => [r.aggregate_id, r.published_at !== null, r.publish_attempts])).toEqual([
      ['B-1', true, 1],
      ['B-2', true, 2],
      ['B-3', true, 1],
    ]);
    expect(got.map((g) => g.event.aggregateId)).toEqual(['B-1', 'B-2', 'B-3']);
  });

  it('pipelines a batch through publishBatch and stamps only the prefix before the first unconfirmed row', async () => {
    for (const id of ['C-1', 'C-2', 'C-3', 'C-4']) await stage(id);
    const batches: string[][] = [];
    let nackC2 = true;
    const publisher: EventPublisher = {
      publish: () => Promise.reject(new Error('the relay must use publishBatch')),
      async publishBatch(items) {
        batches.push(items.map((i) => i.event.aggregateId));
        // C-3 and C-4 are confirmed although C-2 is not: stamping them would let them overtake C-2.
        return items.map((i) => (nackC2 && i.event.aggregateId === 'C-2' ? { ok: false, error: 'nacked by the broker' } : { ok: true }));
      },
    };
    const relay = relayWith(publisher);
    expect(await relay.drainOnce()).toBe(1);
    expect((await rows()).map((r) => [r.aggregate_id, r.published_at !== null, r.last_publish_error])).toEqual([
      ['C-1', true, null],
      ['C-2', false, 'nacked by the broker'],
      ['C-3', false, null],
      ['C-4', false, null],
    ]);
    nackC2 = false;
    expect(await relay.drainOnce()).toBe(3);
    expect(batches).toEqual([
      ['C-1', 'C-2', 'C-3', 'C-4'],
      ['C-2', 'C-3', 'C-4'],
    ]);
    expect((await rows()).every((r) => r.published_at !== null)).toBe(true);
  });

  it('drains pipelined batches through publishBatch in id order until a batch comes back short', async () => {
    for (let i = 1; i <= 9; i++) await stage(`D-${i}`);
    const got: string[] = [];
    const publisher: EventPublisher = {
      publish: () => Promise.reject(new Error('the relay must use publishBatch')),
      async publishBatch(items) {
        got.push(...items.map((i) => i.event.aggregateId));
        await sleep(5);
        return items.map(() => ({ ok: true }));
      },
    };
    expect(await relayWith(publisher, { batchSize: 2 }).drain()).toBe(9);
    expect(got).toEqual(['D-1', 'D-2', 'D-3', 'D-4', 'D-5', 'D-6', 'D-7', 'D-8', 'D-9']);
    expect((await rows()).every((r) => r.published_at !== null && r.publish_attempts === 1)).toBe(true);
  });

  it('in the background, publishes a commit that arrives while the batch before it still awaits its confirms', async () => {
    const got: string[] = [];
    let confirmFirst!: () => void;
    const firstConfirmed = new Promise<void>((resolve) => (confirmFirst = resolve));
    const publisher: EventPublisher = {
      publish: () => Promise.reject(new Error('the relay must use publishBatch')),
      async publishBatch(items) {
        // The relay's first drain on start finds nothing and hands over an empty batch.
        if (items.length === 0) return [];
        const first = got.length === 0;
        got.push(...items.map((i) => i.event.aggregateId));
        // The first batch's confirms are held back until the test lets them go.
        if (first) await firstConfirmed;
        return items.map(() => ({ ok: true }));
      },
    };
    await relayWith(publisher, { sweepIntervalMs: 60_000 }).start();
    try {
      await stage('W-1');
      await waitFor(() => got.length === 1, 'the first batch to be handed to the publisher', 3000, 5);
      // Committed (and NOTIFYed) after W-1's batch was claimed: it goes out without waiting for W-1's confirms.
      await stage('W-2');
      await waitFor(() => got.length === 2, 'W-2 to be published while W-1 awaits its confirms', 3000, 5);
      expect((await rows()).map((r) => r.published_at !== null)).toEqual([false, false]);
    } finally {
      // Also on failure, so stopping the relay does not wait for confirms that never come.
      confirmFirst();
    }
    await waitFor(async () => (await rows()).every((r) => r.published_at !== null), 'both rows stamped', 3000, 5);
    expect(got).toEqual(['W-1', 'W-2']);
  });

  it('truncates a long publish error to 500 characters', async () => {
    await stage('L-1');
    const publisher: EventPublisher = {
      async publish() {
        throw new Error('x'.repeat(2000));
      },
    };
    await relayWith(publisher).drainOnce();
    expect((await rows())[0]!.last_publish_error).toHaveLength(500);
  });

  it('never publishes a rolled-back write', async () => {
    await expect(
      db.db.transaction(async (tx) => {
        await outbox.stage(tx, { eventType: 'widget.created', aggregateType: 'widget', aggregateId: 'R-1', payload: {} });
        throw new Error('business rule failed after staging');
      }),
    ).rejects.toThrow('business rule failed');
    const { publisher, got } = recorder();
    expect(await relayWith(publisher).drainOnce()).toBe(0);
    expect(got).toEqual([]);
    expect(await rows()).toEqual([]);
  });

  it('is woken by NOTIFY on commit long before its sweep', async () => {
    const { publisher, got } = recorder();
    await relayWith(publisher, { sweepIntervalMs: 60_000 }).start();
    const t0 = Date.now();
    await stage('N-1');
    await waitFor(() => got.length === 1, 'the notified relay to publish', 3000, 5);
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it('re-establishes LISTEN after its connection is killed', async () => {
    const { publisher, got } = recorder();
    await relayWith(publisher, { sweepIntervalMs: 60_000 }).start();
    const pid = await waitFor(async () => {
      const res = await db.pool.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN "bss_outbox_relay_test"'`);
      return res.rows[0]?.pid as number | undefined;
    }, 'the LISTEN connection');
    await db.pool.query('SELECT pg_terminate_backend($1)', [pid]);
    // Wait for the replacement listener, then a commit must still wake the relay without the sweep.
    await waitFor(async () => {
      const res = await db.pool.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN "bss_outbox_relay_test"' AND pid <> $1`, [pid]);
      return res.rowCount;
    }, 'a new LISTEN connection', 5000);
    await stage('N-2');
    await waitFor(() => got.some((g) => g.event.aggregateId === 'N-2'), 'the re-listening relay to publish', 3000);
  });

  it('drains everything on start and loops at once while batches are full', async () => {
    for (let i = 1; i <= 7; i++) await stage(`F-${i}`);
    const { publisher, got } = recorder();
    await relayWith(publisher, { batchSize: 2, sweepIntervalMs: 60_000 }).start();
    await waitFor(() => got.length === 7, 'all seven rows', 3000);
    expect(got.map((g) => g.event.aggregateId)).toEqual(['F-1', 'F-2', 'F-3', 'F-4', 'F-5', 'F-6', 'F-7']);
  });

  it('retries failed rows on the sweep', async () => {
    await stage('S-1');
    let down = true;
    const { publisher, got } = recorder({ failWhen: () => down });
    await relayWith(publisher, { sweepIntervalMs: 50 }).start();
    await waitFor(async () => (await rows())[0]!.publish_attempts >= 2, 'two failed attempts', 3000);
    down = false;
    await waitFor(() => got.length === 1, 'the sweep to publish the row', 3000);
    expect((await rows())[0]!.published_at).not.toBeNull();
  });

  it('shares work between replicas without publishing a row twice (SKIP LOCKED)', async () => {
    for (let i = 1; i <= 20; i++) await stage(`M-${i}`);
    const a = recorder({ delayMs: 5 });
    const b = recorder({ delayMs: 5 });
    const ra = relayWith(a.publisher, { batchSize: 5 });
    const rb = relayWith(b.publisher, { batchSize: 5 });
    const drained = async (r: Relay) => {
      let total = 0;
      for (let n = await r.drainOnce(); n > 0; n = await r.drainOnce()) total += n;
      return total;
    };
    const [na, nb] = await Promise.all([drained(ra), drained(rb)]);
    expect(na + nb).toBe(20);
    const ids = [...a.got, ...b.got].map((g) => g.event.aggregateId);
    expect(new Set(ids).size).toBe(20);
    expect(a.got.length).toBeGreaterThan(0);
    expect(b.got.length).toBeGreaterThan(0);
    expect((await rows()).every((r) => r.publish_attempts === 1)).toBe(true);
  });

  it('waits for an in-flight drain on stop', async () => {
    await stage('W-1');
    const { publisher, got } = recorder({ delayMs: 200 });
    const relay = relayWith(publisher, { sweepIntervalMs: 60_000 });
    await relay.start();
    await sleep(20);
    await relay.stop();
    expect(got).toHaveLength(1);
    expect((await rows())[0]!.published_at).not.toBeNull();
  });
});
