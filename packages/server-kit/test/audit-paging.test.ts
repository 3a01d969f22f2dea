// The audit API pages through the whole trail with an opaque cursor: no gaps or duplicates across pages,
// filters kept, hostile dates and cursors answered 400 (never 500).
import { migrate } from '@bss/db';
import { createPlatformApp, type App } from '@bss/server-kit';
import { authHeaders, createTestDatabase, MIGRATIONS_DIR, testPlatform, type TestDatabase } from '@bss/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SCHEMA = 'audit_page_test';
const ROWS = 2_500;
let db: TestDatabase;
let app: App;

const get = (url: string) => app.inject({ method: 'GET', url, headers: authHeaders() });

/** Walks every page of `query` with page size `limit`; returns the event ids in the order served. */
async function walk(query: string, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await get(`/audit-api/v1/events?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { events: { eventId: string }[]; count: number; nextCursor: string | null };
    expect(body.count).toBe(body.events.length);
    ids.push(...body.events.map((e) => e.eventId));
    cursor = body.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return { ids, pages };
}

/** The trail's ids in (occurred_at, id) order, straight from the table. */
async function expected(where = sql`true`): Promise<string[]> {
  const { rows } = await db.db.execute<{ event_id: string }>(
    sql`SELECT event_id FROM audit_page_test.outbox WHERE ${where} ORDER BY occurred_at, id`,
  );
  return rows.map((r) => r.event_id);
}

beforeAll(async () => {
  db = await createTestDatabase();
  await migrate({ url: db.url, dir: MIGRATIONS_DIR, schemas: [SCHEMA], seed: false });
  // Insertion order differs from time order, instants repeat (ties broken by id) and carry microseconds, so
  // a cursor that lost precision or ignored the tie-break would skip or repeat rows.
  await db.db.execute(sql`
    INSERT INTO audit_page_test.outbox (event_id, event_type, aggregate_type, aggregate_id, occurred_at, actor, channel, payload)
    SELECT gen_random_uuid(), CASE WHEN i % 2 = 0 THEN 'page.even' ELSE 'page.odd' END, 'widget', 'W-' || (i % 10),
           '2026-06-01T00:00:00Z'::timestamptz + ((i * 7919) % 1200) * interval '1.000001 second', 'tester', 'system', '{}'::jsonb
    FROM generate_series(1, ${ROWS}) AS i`);
  app = await createPlatformApp(testPlatform('catalog', db, { outboxSchema: SCHEMA }), { description: 'audit paging' });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('audit API paging', () => {
  it(`reads all ${ROWS} events in pages of 1000 with no gap or duplicate`, async () => {
    const { ids, pages } = await walk('', 1000);
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(ROWS);
    expect(ids).toEqual(await expected());
  });

  it('keeps filters across pages (odd page sizes, ties inside a page boundary)', async () => {
    const { ids } = await walk('eventType=page.odd&occurredSince=2026-06-01T00:05:00Z', 97);
    expect(ids).toEqual(await expected(sql`event_type = 'page.odd' AND occurred_at >= '2026-06-01T00:05:00Z'`));
    expect(ids.length).toBeGreaterThan(97);
  });

  it('answers the last page with nextCursor null, and an exact page without a dangling empty one', async () => {
    const count = (await expected(sql`aggregate_id = 'W-3'`)).length;
    const { ids, pages } = await walk('aggregateId=W-3', count);
    expect(ids).toHaveLength(count);
    expect(pages).toBe(1);
  });

  it('answers 400, not 500, for a date Postgres cannot store', async () => {
    for (const q of ['occurredSince=0000-01-01T00:00:00Z', 'occurredUntil=10000-01-01T00:00:00Z', 'occurredSince=1899-12-31T23:59:59Z', 'occurredSince=yesterday']) {
      const res = await get(`/audit-api/v1/events?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(JSON.stringify(res.json().context.issues)).toContain(q.split('=')[0]);
    }
  });

  it('answers 400 for a cursor it did not issue and for limits out of 1..1000', async () => {
    const forged = [
      'abc',
      Buffer.from('["2026-06-01T00:00:00.000000Z","0"]').toString('base64url'),
      Buffer.from('["0000-01-01T00:00:00.000000Z","1"]').toString('base64url'),
      Buffer.from('{"at":1}').toString('base64url'),
    ];
    for (const cursor of forged) {
      const res = await get(`/audit-api/v1/events?cursor=${cursor}`);
      expect(res.statusCode, cursor).toBe(400);
      expect(res.json().reason).toBe('audit.cursor.invalid');
    }
    expect((await get('/audit-api/v1/events?cursor=a%2Bb')).statusCode).toBe(400);
    expect((await get('/audit-api/v1/events?limit=0')).statusCode).toBe(400);
    expect((await get('/audit-api/v1/events?limit=1001')).statusCode).toBe(400);
  });
});
