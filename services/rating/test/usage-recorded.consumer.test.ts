// The rating.usage.recorded consumer over the real inbox and transaction path with a real catalog over HTTP:
// delivered shuffled and partly duplicated (deliverShuffled), each record is rated exactly once: one usage.rated
// or one usage.rating_rejected per record, whatever the order, carrying the record's correlation forward.
import { createCatalogClient } from '@bss/clients';
import { frozenClock } from '@bss/clock';
import { deliverShuffled, handleBatchOnce, handleOnce, isTransient } from '@bss/events';
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usageRecordedConsumer } from '../src/consumers/usage-recorded.consumer.ts';
import { createRatingService } from '../src/services/rating.service.ts';
import { buildTestApp, catalogAdmin, outcomes, recordedEvent, startCatalog, type TestApp } from './helpers.ts';

let db: TestDatabase;
let catalog: Awaited<ReturnType<typeof startCatalog>>;
let t: TestApp;

beforeAll(async () => {
  db = await createTestDatabase();
  catalog = await startCatalog(db);
  t = await buildTestApp(db, catalog.url);
  // An offering without a roaming allowance (and without sms), through the catalog's own admin API.
  await catalogAdmin(catalog.url).addOffering({ offeringId: 'PLAN_HOME', name: 'Home only', amount: '10.00', currency: 'EUR', dataMb: 1024, voiceMinutes: 50 });
});
afterAll(async () => {
  await t?.app.close();
  await catalog?.stop();
  await db?.drop();
});

/** The records and what each must become (allowance type, or rule id when it cannot be rated). */
const CASES: [string, Parameters<typeof recordedEvent>[0], string][] = [
  ['home data', { usageEventId: 'UE-1', eventType: 'data', unit: 'mb' }, 'data'],
  ['roaming data', { usageEventId: 'UE-2', eventType: 'data', unit: 'mb', roaming: true }, 'data_roaming'],
  ['roaming voice stays home', { usageEventId: 'UE-3', eventType: 'voice', unit: 'minutes', roaming: true }, 'voice'],
  ['roaming sms stays home', { usageEventId: 'UE-4', eventType: 'sms', unit: 'count', roaming: true, offeringId: 'PLAN_S' }, 'sms'],
  ['roaming data on PLAN_S (zero roaming bucket: the subscription decides)', { usageEventId: 'UE-5', roaming: true, offeringId: 'PLAN_S' }, 'data_roaming'],
  ['roaming data without a roaming allowance', { usageEventId: 'UE-6', roaming: true, offeringId: 'PLAN_HOME' }, 'usage.rate.roaming_allowance_must_exist'],
  ['sms on an offering without sms', { usageEventId: 'UE-7', eventType: 'sms', unit: 'count', offeringId: 'PLAN_HOME' }, 'usage.rate.allowance_must_exist'],
  ['an offering the catalog does not know', { usageEventId: 'UE-8', offeringId: 'PLAN_GONE' }, 'usage.rate.offering_must_exist'],
  ['home data on PLAN_HOME', { usageEventId: 'UE-9', offeringId: 'PLAN_HOME', quantity: 7 }, 'data'],
];

describe('rating.usage.recorded', () => {
  it.each([1, 2, 3])('rates every record exactly once under shuffled, duplicated delivery (seed %i)', async (seed) => {
    await db.pool.query('TRUNCATE rating.outbox, rating.inbox');
    const consumer = usageRecordedConsumer(createRatingService(t.deps));
    const events = CASES.map(([, usage]) => recordedEvent(usage));
    const report = await deliverShuffled({ database: db, inboxSchema: 'rating', consumer: consumer.spec.queue, handler: consumer.handler, events, seed, duplicateRate: 0.6 });
    expect(report.failed).toEqual([]);
    expect(report.handled).toBe(events.length);
    const staged = await outcomes(db);
    expect(staged).toHaveLength(events.length);
    for (const [what, usage, expected] of CASES) {
      const outcome = staged.find((o) => o.aggregate_id === usage.usageEventId)!;
      expect(outcome.correlation_id, what).toBe(usage.usageEventId);
      if (expected.startsWith('usage.rate.')) expect(outcome, what).toMatchObject({ event_type: 'usage.rating_rejected', payload: { reason: expected } });
      else expect(outcome, what).toMatchObject({ event_type: 'usage.rated', payload: { allowanceType: expected, chargeAmount: '0.00' } });
    }
  });

  it('stages usage.rated with the usage, the consumed quantity and the price’s currency', async () => {
    const rated = (await outcomes(db)).find((o) => o.aggregate_id === 'UE-9')!;
    expect(rated.payload).toEqual({
      usageEventId: 'UE-9',
      subscriptionId: 'SUB-1',
      customerId: 'CUST-1',
      msisdn: '6590000001',
      eventType: 'data',
      eventTime: '2026-05-31T10:00:00.000Z',
      quantity: 7,
      unit: 'mb',
      roaming: false,
      offeringId: 'PLAN_HOME',
      allowanceType: 'data',
      consumedQuantity: 7,
      chargeAmount: '0.00',
      currency: 'EUR',
    });
  });

  it('rates a delivered batch in one transaction with each record’s own correlation, and reads each offering once', async () => {
    await db.pool.query('TRUNCATE rating.outbox, rating.inbox');
    const fetched: string[] = [];
    const catalogCalls = { getOffering: (id: string) => (fetched.push(id), t.deps.catalog.getOffering(id)) };
    const consumer = usageRecordedConsumer(createRatingService({ ...t.deps, catalog: catalogCalls }));
    const events = CASES.map(([, usage]) => recordedEvent(usage));
    const results = await handleBatchOnce(db, 'rating', consumer.spec.queue, [...events, events[0]!].map((event) => ({ event })), consumer.batch.handler);
    expect(results.filter((r) => r === 'handled')).toHaveLength(events.length);
    expect(results.at(-1)).toBe('duplicate');
    const staged = await outcomes(db);
    expect(staged.map((o) => o.aggregate_id)).toEqual(CASES.map(([, u]) => u.usageEventId));
    for (const o of staged) expect(o.correlation_id).toBe(o.aggregate_id);
    // PLAN_M, PLAN_S, PLAN_HOME and the unknown PLAN_GONE: one catalog read each for the whole batch.
    expect(fetched.sort()).toEqual(['PLAN_GONE', 'PLAN_HOME', 'PLAN_M', 'PLAN_S']);
  });

  it('keeps an offering for the cache TTL on its own clock, then reads it again; an unknown offering is never kept', async () => {
    await db.pool.query('TRUNCATE rating.outbox, rating.inbox');
    const fetched: string[] = [];
    const clock = frozenClock('2026-06-01T00:00:00Z');
    const catalogCalls = { getOffering: (id: string) => (fetched.push(id), t.deps.catalog.getOffering(id)) };
    const consumer = usageRecordedConsumer(createRatingService({ ...t.deps, catalog: catalogCalls, offeringCache: { ttlMs: 5_000, clock } }));
    const rate = (usageEventId: string, offeringId: string) => handleOnce(db, 'rating', consumer.spec.queue, recordedEvent({ usageEventId, offeringId }), consumer.handler);
    await rate('UE-C1', 'PLAN_M');
    await rate('UE-C2', 'PLAN_M');
    await rate('UE-C3', 'PLAN_GONE');
    await rate('UE-C4', 'PLAN_GONE');
    expect(fetched).toEqual(['PLAN_M', 'PLAN_GONE', 'PLAN_GONE']);
    clock.advance(4_999);
    await rate('UE-C5', 'PLAN_M');
    expect(fetched).toHaveLength(3);
    clock.advance(1);
    await rate('UE-C6', 'PLAN_M');
    expect(fetched).toEqual(['PLAN_M', 'PLAN_GONE', 'PLAN_GONE', 'PLAN_M']);
  });

  it('fails transiently (retried by the bus, nothing staged, no inbox row) while the catalog is unreachable', async () => {
    await db.pool.query('TRUNCATE rating.outbox, rating.inbox');
    const down = createRatingService({ ...t.deps, catalog: createCatalogClient({ baseUrl: 'http://127.0.0.1:1', token: 'x', timeoutMs: 200 }) });
    const consumer = usageRecordedConsumer(down);
    const event = recordedEvent({ usageEventId: 'UE-X' });
    const err = await handleOnce(db, 'rating', consumer.spec.queue, event, consumer.handler).catch((e: unknown) => e);
    expect(isTransient(err)).toBe(true);
    expect(await outcomes(db)).toEqual([]);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM rating.inbox')).rows[0].n).toBe(0);
  });
});
