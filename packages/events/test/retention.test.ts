// Event-table retention against real Postgres: published outbox rows go once older than the retention by the
// injected clock (in batches, never unpublished ones); inbox rows only once old by both clocks; the
// background loop runs when business time says a run is due.
import { ControllableClock, frozenClock } from '@bss/clock';
import type { TestDatabase } from '@bss/testing';
import { createLogger } from '@bss/telemetry';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOutbox, createRetentionWorker, type RetentionOptions } from '../src/index.ts';
import { databaseWithSchema, envelope, sleep, waitFor } from './support.ts';

const SCHEMA = 'ret_test';
const DAY = 86_400_000;
let db: TestDatabase;
const clock = new ControllableClock();

function worker(overrides: Partial<RetentionOptions> = {}) {
  return createRetentionWorker({
    database: db,
    clock,
    logger: createLogger('retention-test', 'silent'),
    outboxSchema: SCHEMA,
    inboxSchemas: [SCHEMA],
    outboxRetentionDays: 30,
    inboxRetentionDays: 30,
    batchSize: 2,
    ...overrides,
  });
}

/** Stages `n` events at business time `at` (the worker's clock is left alone); published ones are stamped as the relay would. */
async function stageAt(at: string, n: number, published: boolean): Promise<string[]> {
  const outbox = createOutbox(SCHEMA, frozenClock(at));
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const e = await db.db.transaction((tx) => outbox.stage(tx, { eventType: 'widget.made', aggregateType: 'widget', aggregateId: `W-${i}`, payload: {} }));
    ids.push(e.eventId);
  }
  if (published) await db.db.execute(sql`UPDATE ret_test.outbox SET published_at = now() WHERE event_id = ANY(${`{${ids.join(',')}}`}::uuid[])`);
  return ids;
}

const outboxIds = async () => (await db.db.execute<{ event_id: string }>(sql`SELECT event_id FROM ret_test.outbox ORDER BY id`)).rows.map((r) => r.event_id);
const inboxIds = async () => (await db.db.execute<{ event_id: string }>(sql`SELECT event_id FROM ret_test.inbox ORDER BY event_id`)).rows.map((r) => r.event_id);

/** Inserts an inbox row processed `agoDays` before the database's own now(). */
async function inboxRow(agoDays: number): Promise<string> {
  const id = envelope().eventId;
  await db.db.execute(sql`INSERT INTO ret_test.inbox (event_id, consumer, event_type, processed_at)
    VALUES (${id}, 'ret-consumer', 'widget.made', now() - make_interval(days => ${agoDays}))`);
  return id;
}

beforeAll(async () => {
  db = await databaseWithSchema(SCHEMA);
});
beforeEach(async () => {
  await db.db.execute(sql`TRUNCATE ret_test.outbox, ret_test.inbox`);
});
afterAll(async () => {
  await db?.drop();
});

describe('outbox retention', () => {
  it('deletes published rows older than the retention in batches, and never an unpublished one', async () => {
    const oldPublished = await stageAt('2026-01-01T00:00:00Z', 5, true);
    const oldPending = await stageAt('2026-01-01T00:00:00Z', 2, false);
    const recent = await stageAt('2026-03-01T00:00:00Z', 3, true);
    const w = worker({ inboxRetentionDays: 0 });

    clock.freeze(new Date('2026-03-10T00:00:00Z'));
    expect(await w.runOnce()).toEqual({ outboxDeleted: 5, inboxDeleted: 0 });
    expect(await outboxIds()).toEqual([...oldPending, ...recent]);

    // 30 days after the recent ones, by the injected clock only (the rows were stamped moments ago).
    clock.advance(DAY * 21 + 1);
    expect(await w.runOnce()).toEqual({ outboxDeleted: 3, inboxDeleted: 0 });
    expect(await outboxIds()).toEqual(oldPending);
    expect(oldPublished).toHaveLength(5);
  });

  it('keeps everything when the retention is 0', async () => {
    const ids = await stageAt('2020-01-01T00:00:00Z', 3, true);
    clock.freeze(new Date('2026-06-01T00:00:00Z'));
    expect(await worker({ outboxRetentionDays: 0, inboxRetentionDays: 0 }).runOnce()).toEqual({ outboxDeleted: 0, inboxDeleted: 0 });
    expect(await outboxIds()).toEqual(ids);
  });
});

describe('inbox retention', () => {
  it('deletes an inbox row only when it is older than the retention by both the business clock and the database clock', async () => {
    const old = await inboxRow(40);
    const fresh = await inboxRow(0);
    const w = worker({ outboxRetentionDays: 0 });
    const dbNow = new Date((await db.db.execute<{ now: Date }>(sql`SELECT now() AS now`)).rows[0]!.now);

    // Business time far behind the database: the 40-day-old row is young by business time, so it stays.
    clock.freeze(new Date(dbNow.getTime() - 60 * DAY));
    expect((await w.runOnce()).inboxDeleted).toBe(0);

    // A scenario jumped 100 days ahead: only the row that is also old by wall time may go; the one handled
    // a moment ago must stay (its event could still be redelivered).
    clock.freeze(new Date(dbNow.getTime() + 100 * DAY));
    expect((await w.runOnce()).inboxDeleted).toBe(1);
    expect(await inboxIds()).toEqual([fresh]);
    expect(old).not.toBe(fresh);
  });
});

describe('the background loop', () => {
  it('runs when due by the injected clock and not before', async () => {
    await stageAt('2026-01-01T00:00:00Z', 1, true);
    clock.freeze(new Date('2026-06-01T00:00:00Z'));
    const w = worker({ wakeIntervalMs: 20, runEveryMs: 3_600_000 });
    await w.start();
    try {
      await waitFor(async () => (await outboxIds()).length === 0, 'the first (due) run');
      const later = await stageAt('2026-01-02T00:00:00Z', 1, true);
      clock.freeze(new Date('2026-06-01T00:59:00Z'));
      await sleep(200);
      expect(await outboxIds()).toEqual(later);
      clock.advance(60_000);
      await waitFor(async () => (await outboxIds()).length === 0, 'the run due an hour of business time later');
    } finally {
      await w.stop();
    }
  });
});
