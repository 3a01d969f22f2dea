// Mediation under concurrent posts: accepted records are group-committed (several share a transaction, each
// answered with its own record and its own usage.recorded, staged in its own request's context), a sender id
// racing inside one group still stores once, and concurrent lookups of one line share one request.
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, fakeSubscriptions, http, line, shorthand, USAGE, type TestApp } from '../helpers.ts';

let db: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof http>;
const subs = fakeSubscriptions([line('6591000001'), line('6591000002')]);
// A lookup takes a little while, as one over HTTP does, so that concurrent ones overlap.
const slow = { findByMsisdn: async (msisdn: string) => (await new Promise((r) => setTimeout(r, 20)), subs.findByMsisdn(msisdn)) };

beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db, { subscriptions: slow });
  api = http(t.app);
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

describe('concurrent records', () => {
  it('group-commits them: each answered with its own row and event, a raced sender id stored once, lookups shared', async () => {
    subs.calls.length = 0;
    const bodies = Array.from({ length: 30 }, (_, i) => shorthand(i % 2 ? '6591000001' : '6591000002', { quantity: i + 1 }));
    const raced = shorthand('6591000001', { quantity: 999 });
    const anonymous = Array.from({ length: 3 }, () => shorthand('6591000002', { externalId: undefined, quantity: 7 }));
    const posts = [...bodies, raced, raced, raced, ...anonymous];
    const results = await Promise.all(posts.map((b) => api.post(USAGE, b)));

    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(bodies.length + 1 + anonymous.length);
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(2);
    // Every answer is the record that was posted.
    results.forEach((r, i) => expect(r.json().usageCharacteristic.find((c: { name: string }) => c.name === 'quantity').value).toBe(posts[i]!.quantity));
    const { rows } = await db.pool.query<{ id: string; external_id: string | null; quantity: string; txn: string }>(
      "SELECT id, external_id, quantity, xmin::text AS txn FROM mediation.usage WHERE msisdn IN ('6591000001', '6591000002')",
    );
    expect(rows).toHaveLength(bodies.length + 1 + anonymous.length);
    expect(rows.filter((r) => r.external_id === raced.externalId)).toHaveLength(1);
    // Fewer transactions than records: they were written together.
    expect(new Set(rows.map((r) => r.txn)).size).toBeLessThan(rows.length);

    const events = await db.pool.query<{ aggregate_id: string; request_id: string | null; quantity: number }>(
      "SELECT aggregate_id, request_id, (payload->>'quantity')::int AS quantity FROM mediation.outbox WHERE event_type = 'usage.recorded'",
    );
    const byRecord = new Map(events.rows.map((e) => [e.aggregate_id, e]));
    for (const r of rows) expect(byRecord.get(r.id)?.quantity).toBe(Number(r.quantity));
    expect(events.rows).toHaveLength(rows.length);
    // Each event carries the context of the request that posted its record.
    expect(new Set(events.rows.map((e) => e.request_id)).size).toBe(rows.length);
    // 36 posts over two lines, all in flight together: the lookups of a line were shared.
    expect(subs.calls.length).toBeLessThan(posts.length);
    expect(new Set(subs.calls)).toEqual(new Set(['6591000001', '6591000002']));
  });
});
