// The shuffled/duplicated delivery harness on real Postgres, with a sample stateful consumer: a versioned
// projection whose guard (apply only a newer version) makes out-of-order and repeated deliveries converge,
// while the same consumer without the guard ends in a state that depends on delivery order.
import type { EventEnvelope } from '@bss/contracts';
import type { Tx } from '@bss/db';
import type { TestDatabase } from '@bss/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverShuffled, seededRandom, type EventHandler } from '../src/index.ts';
import { databaseWithSchema, envelope } from './support.ts';

const SCHEMA = 'harness_test';
let db: TestDatabase;

/** Five widgets, each moved through versions 1..6 (version n = state `s<n>`). */
function history(tag: string): EventEnvelope[] {
  return Array.from({ length: 5 }, (_, w) =>
    Array.from({ length: 6 }, (_, v) => envelope({ eventType: 'widget.versioned', aggregateId: `${tag}-${w}`, payload: { version: v + 1, state: `s${v + 1}` } })),
  ).flat();
}

const project = (guarded: boolean): EventHandler => async (tx: Tx, event) => {
  const { version, state } = event.payload as { version: number; state: string };
  // The guard: a row only moves forward. Without it the last delivery wins, whatever its version.
  await tx.execute(sql`
    INSERT INTO harness_test.widget (id, version, state) VALUES (${event.aggregateId}, ${version}, ${state})
    ON CONFLICT (id) DO UPDATE SET version = excluded.version, state = excluded.state
    ${guarded ? sql`WHERE harness_test.widget.version < excluded.version` : sql``}`);
};

async function projection(tag: string) {
  const res = await db.db.execute<{ id: string; version: number; state: string }>(
    sql`SELECT id, version, state FROM harness_test.widget WHERE id LIKE ${`${tag}-%`} ORDER BY id`,
  );
  return res.rows;
}

beforeAll(async () => {
  db = await databaseWithSchema(SCHEMA);
  await db.db.execute(sql`CREATE TABLE harness_test.widget (id text PRIMARY KEY, version integer NOT NULL, state text NOT NULL)`);
});
afterAll(async () => {
  await db?.drop();
});

describe('deliverShuffled', () => {
  it('shuffles reproducibly by seed and delivers duplicates that the inbox absorbs', async () => {
    const events = history('rep');
    const a = await deliverShuffled({ database: db, inboxSchema: SCHEMA, consumer: 'harness.rep.a', handler: project(true), events, seed: 7, concurrency: 1 });
    const b = await deliverShuffled({ database: db, inboxSchema: SCHEMA, consumer: 'harness.rep.b', handler: project(true), events, seed: 7, concurrency: 1 });
    expect(a.order).toEqual(b.order);
    expect(a.order).not.toEqual([...events.map((e) => e.eventId), ...a.order.slice(events.length)]);
    expect(a.handled).toBe(events.length);
    expect(a.duplicates).toBe(a.order.length - events.length);
    expect(a.duplicates).toBeGreaterThan(0);
    expect(a.failed).toEqual([]);
  });

  it('converges to the newest version of every aggregate with the guard, for every seed', async () => {
    for (let seed = 1; seed <= 8; seed++) {
      const tag = `g${seed}`;
      const report = await deliverShuffled({ database: db, inboxSchema: SCHEMA, consumer: `harness.${tag}`, handler: project(true), events: history(tag), seed });
      expect(report.failed).toEqual([]);
      expect(await projection(tag)).toEqual(Array.from({ length: 5 }, (_, w) => ({ id: `${tag}-${w}`, version: 6, state: 's6' })));
    }
  });

  it('exposes a consumer without the guard: its end state depends on the delivery order', async () => {
    const outcomes = new Set<string>();
    for (let seed = 1; seed <= 8; seed++) {
      const tag = `u${seed}`;
      await deliverShuffled({ database: db, inboxSchema: SCHEMA, consumer: `harness.${tag}`, handler: project(false), events: history(tag), seed });
      outcomes.add(JSON.stringify((await projection(tag)).map((r) => r.version)));
    }
    expect(outcomes.size).toBeGreaterThan(1);
    expect(outcomes.has(JSON.stringify([6, 6, 6, 6, 6]))).toBe(false);
  });

  it('sends a failed delivery to the back of the queue and reports a copy that never succeeds', async () => {
    const events = history('f').slice(0, 6);
    const poison = events[2]!;
    let tries = 0;
    const flaky: EventHandler = async (tx, event) => {
      if (event.eventId === poison.eventId) throw new Error('always fails');
      if (event.eventId === events[0]!.eventId && tries++ === 0) throw new Error('fails once');
      await project(true)(tx, event);
    };
    const report = await deliverShuffled({ database: db, inboxSchema: SCHEMA, consumer: 'harness.f', handler: flaky, events, seed: 3, duplicateRate: 0, maxAttempts: 3 });
    expect(report.failed).toEqual([{ eventId: poison.eventId, error: 'always fails' }]);
    expect(report.retries).toBe(3);
    expect(report.handled).toBe(5);
  });

  it('seededRandom is deterministic and within [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
