// The usage list without `fields` sends JSON that Postgres built (usage-json.repository.ts); with `fields` it goes
// through toUsage and the zod response schema. These pin the two to the same bytes and counts for every record
// shape and filter combination, so neither can change alone.
import { usage } from '@bss/contracts';
import { createTestDatabase, loadTmfValidator, type TestDatabase } from '@bss/testing';
import { runWithContext, systemContext } from '@bss/telemetry';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createUsageService } from '../../src/services/usage.service.ts';
import { buildTestApp, fakeSubscriptions, http, line, shorthand, USAGE, type TestApp } from '../helpers.ts';

const tmf635 = loadTmfValidator('TMF635-UsageManagement-v4.swagger.json');
let db: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof http>;
const subs = fakeSubscriptions([line('6591110001'), line('6591110002', { offeringId: 'PLAN_S' })]);

beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db, { subscriptions: subs });
  api = http(t.app);
  const bodies = [
    shorthand('6591110001', { roaming: true }),
    shorthand('6591110001', { eventType: 'voice', quantity: 3, unit: 'minutes', eventTime: '2026-05-30T08:00:00Z' }),
    shorthand('6591110002', { eventType: 'sms', quantity: 1, unit: 'count', externalId: undefined, eventTime: '2026-05-29T00:00:00Z' }),
    shorthand('6591110002', { quantity: 123456789012, eventTime: '2026-05-31T10:00:00Z' }),
  ];
  for (const b of bodies) {
    const res = await api.post(USAGE, b);
    expect(res.statusCode, res.body).toBe(201);
  }
  // A stored time with microseconds: toISOString truncates to milliseconds, so must the SQL.
  await db.db.execute(sql`UPDATE mediation.usage SET event_time = '2026-05-28 12:34:56.789999+00' WHERE event_type = 'sms'`);
  // A description (TMF input carries one; JSON escaping must match too).
  await db.db.execute(sql`UPDATE mediation.usage SET description = ${'roaming session "one" \\ ü'} WHERE roaming`);
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

const asDefault = <T>(fn: () => Promise<T>) => runWithContext(systemContext({ tenant: 'DEFAULT' }), fn);

describe('usage list with the JSON built by Postgres', () => {
  it('answers exactly the bytes and counts of the mapper path, for every filter combination', async () => {
    const service = createUsageService(t.deps);
    const queries: Record<string, string>[] = [
      {},
      { limit: '2' },
      { offset: '1', limit: '2' },
      { offset: '10' },
      { msisdn: '6591110002' },
      { subscriptionId: 'SUB-6591110001', usageType: 'voice' },
      { since: '2026-05-29T00:00:00Z', until: '2026-05-31T00:00:00Z' },
      { msisdn: '6591110001', since: '2026-05-31T00:00:00Z' },
      { usageType: 'data', until: '2026-06-01T00:00:00Z', msisdn: '6591110002', subscriptionId: 'SUB-6591110002' },
    ];
    let seen = 0;
    for (const q of queries) {
      const res = await api.get(`${USAGE}?${new URLSearchParams(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const filter = { msisdn: q.msisdn, subscriptionId: q.subscriptionId, eventType: q.usageType, since: q.since ? new Date(q.since) : undefined, until: q.until ? new Date(q.until) : undefined };
      const { items, total } = await asDefault(() => service.list(filter, { offset: Number(q.offset ?? 0), limit: Number(q.limit ?? 20) }));
      expect(res.body).toBe(JSON.stringify(z.encode(z.array(usage.UsageFields), items)));
      expect(res.headers['x-total-count']).toBe(String(total));
      expect(res.headers['x-result-count']).toBe(String(items.length));
      for (const u of res.json()) expect(tmf635.validate('Usage', u)).toEqual([]);
      seen += items.length;
    }
    expect(seen).toBeGreaterThan(8);
  });

  it('covers the optional parts: description, externalId and truncated microseconds', async () => {
    const all = (await api.get(USAGE)).json<usage.Usage[]>();
    expect(all.filter((u) => u.description !== undefined).map((u) => u.description)).toEqual(['roaming session "one" \\ ü']);
    const sms = all.find((u) => u.usageType === 'sms')!;
    expect(sms.usageDate).toBe('2026-05-28T12:34:56.789Z');
    expect(sms.usageCharacteristic.map((c) => c.name)).not.toContain('externalId');
    expect(all.find((u) => u.usageCharacteristic.some((c) => c.value === 123456789012))).toBeDefined();
  });
});
