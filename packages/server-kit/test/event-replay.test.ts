// The admin replay routes over real HTTP (inject), RabbitMQ and Postgres: a poison event is parked, listed,
// requeued once the handler is fixed and handled exactly once; one message is requeued by event id; outbox
// rows already delivered are re-published by id and by time range and the consumer's inbox absorbs them.
import type { EventEnvelope } from '@bss/contracts';
import { migrate } from '@bss/db';
import { createAmqpBus, createRelay, type EventBus, type Relay } from '@bss/events';
import { createPlatformApp, type App, type Platform } from '@bss/server-kit';
import { authHeaders, createTestDatabase, MIGRATIONS_DIR, testPlatform, type TestDatabase } from '@bss/testing';
import { createLogger, createTracing } from '@bss/telemetry';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokerAdmin, capturingLogger, hex, MQ_URL, sleep, waitFor } from '../../events/test/support.ts';

const SCHEMA = 'replay_test';
const exchange = `bss.test.${hex()}`;
const QUEUE = `rpl-${hex()}.widgets`;
let db: TestDatabase;
let platform: Platform;
let bus: EventBus;
let relay: Relay;
let app: App;
let admin: Awaited<ReturnType<typeof brokerAdmin>>;
let logLines: Record<string, unknown>[] = [];

/** Aggregates whose events the consumer cannot handle yet; handled (committed) events land in replay_test.effect. */
const broken = new Set<string>();
const calls = new Map<string, number>();

const post = (url: string, payload?: unknown) =>
  app.inject({ method: 'POST', url, headers: { ...authHeaders(), ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload: payload as object } : {}) });
const get = (url: string) => app.inject({ method: 'GET', url, headers: authHeaders() });

const effects = async (eventId: string) =>
  Number((await db.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM replay_test.effect WHERE event_id = ${eventId}`)).rows[0]!.n);

async function published(eventId: string) {
  const r = await db.db.execute<{ published_at: Date | null; publish_attempts: number }>(
    sql`SELECT published_at, publish_attempts FROM replay_test.outbox WHERE event_id = ${eventId}`,
  );
  return r.rows[0];
}

const duplicatesOf = (eventId: string) => logLines.filter((l) => l.msg === 'inbox duplicate skipped' && l.eventId === eventId).length;

/** Stages a (catalogued) `catalog.offering.retired` event for `aggregateId` through the service's outbox (the relay publishes it). */
const stage = (aggregateId: string) =>
  platform.database.db.transaction((tx) =>
    platform.outbox.stage(tx, { eventType: 'catalog.offering.retired', aggregateType: 'product_offering', aggregateId, payload: { offeringId: aggregateId, validTo: null } }),
  );

async function stagedAndHandled(aggregateId: string): Promise<EventEnvelope> {
  const e = await stage(aggregateId);
  await waitFor(async () => (await effects(e.eventId)) === 1, `${aggregateId} handled`);
  await waitFor(async () => (await published(e.eventId))?.published_at, `${aggregateId} stamped published`);
  return e;
}

async function auditEvents(eventType: string) {
  const res = await get(`/audit-api/v1/events?eventType=${eventType}&limit=1000`);
  return res.json().events as EventEnvelope[];
}

beforeAll(async () => {
  db = await createTestDatabase();
  await migrate({ url: db.url, dir: MIGRATIONS_DIR, schemas: [SCHEMA], seed: false });
  await db.db.execute(sql`CREATE TABLE replay_test.effect (event_id uuid NOT NULL)`);
  admin = await brokerAdmin();
  const captured = capturingLogger('replay-test');
  logLines = captured.lines;
  bus = createAmqpBus({
    url: MQ_URL,
    exchange,
    database: db,
    logger: captured.logger,
    tracing: createTracing('replay-test'),
    serviceName: 'replay-test',
  });
  platform = { ...testPlatform('catalog', db, { outboxSchema: SCHEMA }), bus };
  app = await createPlatformApp(platform, { description: 'replay test' });
  await app.ready();
  await bus.subscribe({ queue: QUEUE, bindings: ['catalog.offering.#'], inboxSchema: SCHEMA, maxAttempts: 2, retryDelaysMs: [30] }, async (tx, event) => {
    calls.set(event.eventId, (calls.get(event.eventId) ?? 0) + 1);
    if (broken.has(event.aggregateId)) throw new Error(`widget ${event.aggregateId} cannot be handled yet`);
    await tx.execute(sql`INSERT INTO replay_test.effect (event_id) VALUES (${event.eventId})`);
  });
  relay = createRelay({ database: db, schema: SCHEMA, publisher: bus, logger: createLogger('relay', 'silent'), sweepIntervalMs: 100 });
  await relay.start();
});

afterAll(async () => {
  await relay?.stop();
  await app?.close();
  await bus?.close();
  await admin?.cleanup([QUEUE], exchange, [30]);
  await db?.drop();
});

describe('parked messages', () => {
  it('lists a parked poison event without consuming it, and requeues it once fixed: handled exactly once', async () => {
    broken.add('W-POISON');
    const poison = await stage('W-POISON');
    await waitFor(async () => (await admin.count(`${QUEUE}.parked`)) === 1, 'the poison event parked');

    for (let i = 0; i < 2; i++) {
      const res = await get(`/admin-api/v1/events/parked?queue=${QUEUE}`);
      expect(res.statusCode).toBe(200);
      const [q] = res.json().queues;
      expect(q).toMatchObject({ queue: QUEUE, count: 1 });
      expect(q.messages).toHaveLength(1);
      expect(q.messages[0]).toMatchObject({ eventId: poison.eventId, eventType: 'catalog.offering.retired', attempts: 2, requeues: 0 });
      expect(q.messages[0].reason).toContain('W-POISON cannot be handled yet');
      expect(q.messages[0].event).toMatchObject({ eventId: poison.eventId, aggregateId: 'W-POISON' });
    }
    // Without ?queue= every queue of the service is listed.
    expect((await get('/admin-api/v1/events/parked')).json().queues.map((q: { queue: string }) => q.queue)).toEqual([QUEUE]);

    broken.delete('W-POISON');
    const res = await post(`/admin-api/v1/events/parked/${QUEUE}/requeue`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ queue: QUEUE, requeued: 1, eventIds: [poison.eventId], remaining: 0 });
    await waitFor(async () => (await effects(poison.eventId)) === 1, 'the requeued event handled');
    await sleep(200);
    expect(await effects(poison.eventId)).toBe(1);
    expect(calls.get(poison.eventId)).toBe(3);
    expect((await get(`/admin-api/v1/events/parked?queue=${QUEUE}`)).json().queues[0].count).toBe(0);

    const [audit] = await auditEvents('admin.events.requeued');
    expect(audit).toMatchObject({ aggregateType: 'queue', aggregateId: QUEUE, payload: { queue: QUEUE, mode: 'all', count: 1, eventIds: [poison.eventId] } });
  });

  it('requeues one parked message by event id and leaves the others parked', async () => {
    broken.add('W-ONE').add('W-TWO');
    const one = await stage('W-ONE');
    const two = await stage('W-TWO');
    await waitFor(async () => (await admin.count(`${QUEUE}.parked`)) === 2, 'both parked');

    broken.delete('W-TWO');
    const res = await post(`/admin-api/v1/events/parked/${QUEUE}/requeue/${two.eventId}`);
    expect(res.json()).toEqual({ queue: QUEUE, requeued: 1, eventIds: [two.eventId], remaining: 1 });
    await waitFor(async () => (await effects(two.eventId)) === 1, 'the requeued one handled');
    const left = (await get(`/admin-api/v1/events/parked?queue=${QUEUE}`)).json().queues[0];
    expect(left.messages.map((m: { eventId: string }) => m.eventId)).toEqual([one.eventId]);
    expect(await effects(one.eventId)).toBe(0);

    const audits = await auditEvents('admin.events.requeued');
    expect(audits.at(-1)?.payload).toEqual({ queue: QUEUE, mode: 'one', count: 1, eventIds: [two.eventId] });

    broken.delete('W-ONE');
    await post(`/admin-api/v1/events/parked/${QUEUE}/requeue/${one.eventId}`);
    await waitFor(async () => (await effects(one.eventId)) === 1, 'the last one handled');
  });

  it('answers 404 with a rule id for a queue this service does not consume or a message that is not parked', async () => {
    const foreign = await post('/admin-api/v1/events/parked/crm.customer.created/requeue');
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'events.queue.not_subscribed' });
    expect((await get('/admin-api/v1/events/parked?queue=some.other.queue')).json().reason).toBe('events.queue.not_subscribed');

    const missing = await post(`/admin-api/v1/events/parked/${QUEUE}/requeue/4b7e0a4e-7f44-4a33-9a7f-2f8f5f3c0d11`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ reason: 'events.parked.not_found', context: { queue: QUEUE } });
  });

  it('validates queue names and limits', async () => {
    expect((await get('/admin-api/v1/events/parked?limit=0')).statusCode).toBe(400);
    expect((await get('/admin-api/v1/events/parked?limit=501')).statusCode).toBe(400);
    expect((await get(`/admin-api/v1/events/parked?queue=${'q'.repeat(101)}`)).statusCode).toBe(400);
    expect((await post(`/admin-api/v1/events/parked/${'q'.repeat(100)}/requeue`)).json().reason).toBe('events.queue.not_subscribed');
    expect((await post('/admin-api/v1/events/parked/bad%20queue/requeue')).statusCode).toBe(400);
  });
});

describe('republishing outbox rows', () => {
  it('re-publishes an already delivered event by id; the consumer sees it again and its inbox dedupes it', async () => {
    const e = await stagedAndHandled('W-REPUB');
    const res = await post('/admin-api/v1/events/republish', { eventIds: [e.eventId] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ republished: 1, alreadyPending: 0, eventIds: [e.eventId] });
    await waitFor(() => duplicatesOf(e.eventId) === 1, 'the re-published copy to reach the consumer');
    await waitFor(async () => (await published(e.eventId))?.publish_attempts === 2, 'the relay to publish it again');
    expect((await published(e.eventId))?.published_at).not.toBeNull();
    expect(await effects(e.eventId)).toBe(1);
    expect(calls.get(e.eventId)).toBe(1);

    const [audit] = await auditEvents('admin.events.republished');
    expect(audit).toMatchObject({ aggregateType: 'outbox', aggregateId: SCHEMA, payload: { count: 1, alreadyPending: 0, eventIds: [e.eventId] } });
  });

  it('re-publishes every event of a time range', async () => {
    platform.clock.freeze(new Date('2026-06-02T10:00:00Z'));
    const a = await stagedAndHandled('W-RANGE-A');
    platform.clock.freeze(new Date('2026-06-02T10:30:00Z'));
    const b = await stagedAndHandled('W-RANGE-B');
    platform.clock.freeze(new Date('2026-06-02T12:00:00Z'));
    const outside = await stagedAndHandled('W-RANGE-OUT');

    const res = await post('/admin-api/v1/events/republish', { from: '2026-06-02T10:00:00Z', to: '2026-06-02T11:00:00+00:00' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ republished: 2, alreadyPending: 0, eventIds: [a.eventId, b.eventId] });
    await waitFor(() => duplicatesOf(a.eventId) === 1 && duplicatesOf(b.eventId) === 1, 'both copies deduped');
    await sleep(200);
    expect(duplicatesOf(outside.eventId)).toBe(0);
    for (const e of [a, b, outside]) expect(await effects(e.eventId)).toBe(1);
    const audits = await auditEvents('admin.events.republished');
    expect(audits.at(-1)?.payload).toMatchObject({ from: '2026-06-02T10:00:00.000Z', to: '2026-06-02T11:00:00.000Z', count: 2 });
  });

  it('refuses unknown event ids and events older than the consumers’ dedupe window, changing nothing', async () => {
    const known = await stagedAndHandled('W-KNOWN');
    const unknown = await post('/admin-api/v1/events/republish', { eventIds: [known.eventId, '0d3f9d0e-1111-4222-8333-444455556666'] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ reason: 'events.republish.unknown_event', context: { unknownEventIds: ['0d3f9d0e-1111-4222-8333-444455556666'] } });

    // 31 days later (inbox retention 30): consumers may have forgotten it, so a copy would be handled twice.
    platform.clock.advance(31 * 86_400_000);
    const stale = await post('/admin-api/v1/events/republish', { eventIds: [known.eventId] });
    expect(stale.statusCode).toBe(422);
    expect(stale.json()).toMatchObject({ reason: 'events.republish.outside_dedupe_window', context: { eventIds: [known.eventId] } });
    expect((await published(known.eventId))?.publish_attempts).toBe(1);
  });

  it('validates the body: ids or a range, bounded instants, from before to', async () => {
    const bad = [
      {},
      { eventIds: [] },
      { eventIds: ['not-a-uuid'] },
      { eventIds: Array.from({ length: 1001 }, () => '0d3f9d0e-1111-4222-8333-444455556666') },
      { from: '2026-06-02T10:00:00Z' },
      { from: '2026-06-02T10:00:00Z', to: '2026-06-02T09:00:00Z' },
      { from: '0000-01-01T00:00:00Z', to: '2026-06-02T09:00:00Z' },
      { eventIds: ['0d3f9d0e-1111-4222-8333-444455556666'], from: '2026-06-02T10:00:00Z', to: '2026-06-02T11:00:00Z' },
    ];
    for (const body of bad) {
      const res = await post('/admin-api/v1/events/republish', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('a broker outage', () => {
  it('answers 503 events.broker.unavailable instead of hanging or failing with 500', async () => {
    // Port 9 (discard) on loopback: nothing listens, so every connect attempt is refused.
    const dead = createAmqpBus({
      url: 'amqp://guest:guest@127.0.0.1:9',
      exchange,
      database: db,
      logger: createLogger('replay-dead', 'silent'),
      tracing: createTracing('replay-dead'),
      serviceName: 'replay-dead',
      connectWaitMs: 200,
    });
    await dead.subscribe({ queue: `${QUEUE}.dead`, bindings: ['dead.#'], inboxSchema: SCHEMA }, async () => {});
    const deadApp = await createPlatformApp({ ...testPlatform('catalog', db, { outboxSchema: SCHEMA }), bus: dead }, { description: 'dead broker' });
    try {
      for (const res of [
        await deadApp.inject({ method: 'GET', url: '/admin-api/v1/events/parked', headers: authHeaders() }),
        await deadApp.inject({ method: 'POST', url: `/admin-api/v1/events/parked/${QUEUE}.dead/requeue`, headers: authHeaders() }),
      ]) {
        expect(res.statusCode).toBe(503);
        expect(res.json()).toMatchObject({ code: 'DOWNSTREAM_UNAVAILABLE', reason: 'events.broker.unavailable' });
      }
    } finally {
      await deadApp.close();
      await dead.close();
    }
  });
});

describe('the admin gate', () => {
  it('refuses every replay route with 403 admin.disabled when admin is off', async () => {
    const off = testPlatform('catalog', db, { outboxSchema: SCHEMA, env: { BSS_ALLOW_ADMIN_RESET: 'false' } });
    const offApp = await createPlatformApp(off, { description: 'admin off' });
    try {
      const calls = [
        offApp.inject({ method: 'GET', url: '/admin-api/v1/events/parked', headers: authHeaders() }),
        offApp.inject({ method: 'POST', url: `/admin-api/v1/events/parked/${QUEUE}/requeue`, headers: authHeaders() }),
        offApp.inject({ method: 'POST', url: '/admin-api/v1/events/republish', headers: { ...authHeaders(), 'content-type': 'application/json' }, payload: { eventIds: ['0d3f9d0e-1111-4222-8333-444455556666'] } }),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ code: 'FORBIDDEN', reason: 'admin.disabled' });
      }
    } finally {
      await offApp.close();
    }
  });
});
