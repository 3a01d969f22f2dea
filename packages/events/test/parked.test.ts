// Parked-message operations against the real RabbitMQ: peeking leaves every message parked and in order,
// requeueing moves messages back to the failing queue only, with the attempt counter reset.
import type { EventEnvelope } from '@bss/contracts';
import type { TestDatabase } from '@bss/testing';
import { createLogger, createTracing } from '@bss/telemetry';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTEMPT_HEADER, createAmqpBus, REQUEUE_COUNT_HEADER, retryQueueOf, type EventBus, type EventHandler } from '../src/index.ts';
import { brokerAdmin, databaseWithSchema, envelope, hex, sleep, MQ_URL, waitFor } from './support.ts';

const SCHEMA = 'parked_test';
const exchange = `bss.test.${hex()}`;
const prefix = `prk-${hex()}`;
const queues: string[] = [];
const buses: EventBus[] = [];
let db: TestDatabase;
let admin: Awaited<ReturnType<typeof brokerAdmin>>;

function bus() {
  const b = createAmqpBus({
    url: MQ_URL,
    exchange,
    database: db,
    logger: createLogger('parked-test', 'silent'),
    tracing: createTracing('parked-test'),
    serviceName: 'parked-test',
  });
  buses.push(b);
  return b;
}

function queue(name: string) {
  const q = `${prefix}.${name}`;
  queues.push(q);
  return q;
}

/** Fails every event whose aggregate id is in `broken`; records successful handling in parked_test.effect. */
function handler(q: string, broken: Set<string>, calls: EventEnvelope[] = []): EventHandler {
  return async (tx, event) => {
    calls.push(event);
    if (broken.has(event.aggregateId)) throw new Error(`cannot handle ${event.aggregateId}`);
    await tx.execute(sql`INSERT INTO parked_test.effect (event_id, queue) VALUES (${event.eventId}, ${q})`);
  };
}

const effects = async (eventId: string) =>
  Number((await db.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM parked_test.effect WHERE event_id = ${eventId}`)).rows[0]!.n);

/** Subscribes a consumer that parks after 2 quick attempts and publishes `events`, waiting until `parked` are parked. */
async function parkSome(b: EventBus, q: string, broken: Set<string>, events: EventEnvelope[], parked: number, calls?: EventEnvelope[]) {
  await b.subscribe({ queue: q, bindings: [`${q}.#`], inboxSchema: SCHEMA, maxAttempts: 2, retryDelaysMs: [30] }, handler(q, broken, calls));
  for (const e of events) await b.publish(e);
  await waitFor(async () => (await admin.count(`${q}.parked`)) === parked, `${parked} parked messages in ${q}`);
}

beforeAll(async () => {
  db = await databaseWithSchema(SCHEMA);
  await db.db.execute(sql`CREATE TABLE parked_test.effect (event_id uuid NOT NULL, queue text NOT NULL)`);
  admin = await brokerAdmin();
});

afterAll(async () => {
  await Promise.all(buses.map((b) => b.close()));
  await admin?.cleanup(queues, exchange, [30]);
  await db?.drop();
});

describe('parked messages over AMQP', () => {
  it('peeks without taking: the same messages, in order, stay parked', async () => {
    const q = queue('peek');
    const b = bus();
    const events = [1, 2, 3].map((i) => envelope({ eventType: `${q}.e`, aggregateId: `W-P${i}` }));
    await parkSome(b, q, new Set(events.map((e) => e.aggregateId)), events, 3);

    const first = await b.parkedMessages.peek(q, 10);
    const second = await b.parkedMessages.peek(q, 2);
    expect(first.count).toBe(3);
    // Concurrent deliveries park in whatever order their retries ran out, so the queue's order is the
    // reference: a second peek must see that same order again.
    expect([...first.messages.map((m) => m.messageId)].sort()).toEqual(events.map((e) => e.eventId).sort());
    const head = events.find((e) => e.eventId === first.messages[0]!.messageId)!;
    expect(first.messages[0]).toMatchObject({ eventType: `${q}.e`, attempts: 2, requeues: 0 });
    expect(first.messages[0]!.reason).toContain(`cannot handle ${head.aggregateId}`);
    expect(JSON.parse(first.messages[0]!.body.toString())).toEqual(head);
    expect(second.count).toBe(3);
    expect(second.messages.map((m) => m.messageId)).toEqual(first.messages.slice(0, 2).map((m) => m.messageId));
    expect(await admin.count(`${q}.parked`)).toBe(3);
  });

  it('requeues every parked message to its own queue once fixed, each handled exactly once', async () => {
    const q = queue('all');
    const other = queue('all-other');
    const b = bus();
    const broken = new Set(['W-A1', 'W-A2']);
    const calls: EventEnvelope[] = [];
    const events = ['W-A1', 'W-A2'].map((id) => envelope({ eventType: `${q}.e`, aggregateId: id }));
    // A second queue bound to the same events must not see the requeued copies.
    const otherCalls: EventEnvelope[] = [];
    await b.subscribe({ queue: other, bindings: [`${q}.#`], inboxSchema: SCHEMA }, handler(other, new Set(), otherCalls));
    await parkSome(b, q, broken, events, 2, calls);
    await waitFor(() => otherCalls.length === 2, 'the other queue to handle both');

    broken.clear();
    const result = await b.parkedMessages.requeueAll(q, 100);
    // Concurrent deliveries park in either order; the requeue moves whatever the parked queue holds.
    expect(result.remaining).toBe(0);
    expect([...result.requeued].sort()).toEqual(events.map((e) => e.eventId).sort());
    for (const e of events) await waitFor(async () => (await effects(e.eventId)) === 2, `${e.aggregateId} handled by both queues`);
    await sleep(150);
    expect(calls.filter((c) => c.eventId === events[0]!.eventId)).toHaveLength(3); // 2 failed + 1 after requeue
    expect(otherCalls).toHaveLength(2);
    expect(await admin.count(`${q}.parked`)).toBe(0);
    expect(await admin.count(retryQueueOf(q, 30))).toBe(0);
  });

  it('resets the attempt counter: a requeued message that fails again gets its full attempts before re-parking', async () => {
    const q = queue('again');
    const b = bus();
    const calls: EventEnvelope[] = [];
    const event = envelope({ eventType: `${q}.e`, aggregateId: 'W-G1' });
    await parkSome(b, q, new Set(['W-G1']), [event], 1, calls);
    expect(calls).toHaveLength(2);

    await b.parkedMessages.requeueAll(q, 100);
    await waitFor(async () => (await admin.count(`${q}.parked`)) === 1, 're-parked after two more attempts');
    expect(calls).toHaveLength(4);
    const [msg] = await admin.drain(`${q}.parked`);
    expect(msg!.properties.headers?.[REQUEUE_COUNT_HEADER]).toBe(1);
    expect(msg!.properties.headers?.[ATTEMPT_HEADER]).toBe(2);
  });

  it('requeues one message by event id and leaves the others parked in order', async () => {
    const q = queue('one');
    const b = bus();
    const broken = new Set(['W-O1', 'W-O2', 'W-O3']);
    const events = ['W-O1', 'W-O2', 'W-O3'].map((id) => envelope({ eventType: `${q}.e`, aggregateId: id }));
    await parkSome(b, q, broken, events, 3);

    // The order they parked in (concurrent deliveries decide it) is what must survive taking one out.
    const before = (await b.parkedMessages.peek(q, 10)).messages.map((m) => m.messageId);
    broken.delete('W-O2');
    const result = await b.parkedMessages.requeueOne(q, events[1]!.eventId, 100);
    expect(result).toEqual({ requeued: [events[1]!.eventId], remaining: 2 });
    await waitFor(async () => (await effects(events[1]!.eventId)) === 1, 'the requeued message handled');
    const left = await b.parkedMessages.peek(q, 10);
    expect(left.messages.map((m) => m.messageId)).toEqual(before.filter((id) => id !== events[1]!.eventId));

    expect(await b.parkedMessages.requeueOne(q, envelope().eventId, 100)).toEqual({ requeued: [], remaining: 2 });
    expect(await admin.count(`${q}.parked`)).toBe(2);
  });

  it('knows the queues it consumes', async () => {
    const b = bus();
    const q = queue('known');
    await b.subscribe({ queue: q, bindings: ['known.#'], inboxSchema: SCHEMA }, handler(q, new Set()));
    expect(b.subscribedQueues()).toEqual([q]);
  });
});
