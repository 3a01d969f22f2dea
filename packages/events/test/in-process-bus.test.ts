// The in-process bus against real Postgres (the same inbox as over AMQP): several buses on one broker behave
// like services on one RabbitMQ — routing by binding between them, queues that hold messages until their
// consumer attaches, inbox dedupe, delay-tier retries of transient failures until the deadline, parking of
// permanent ones after maxAttempts, peek/requeue through ParkedMessages, the unrouted catch.
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@bss/contracts';
import type { TestDatabase } from '@bss/testing';
import { createTracing } from '@bss/telemetry';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessBroker, createInProcessBus, installProcessBroker, processBroker, type EventHandler, type InProcessBroker } from '../src/index.ts';
import { capturingLogger, databaseWithSchema, envelope, waitFor } from './support.ts';

const SCHEMA = 'inproc_test';
const EXCHANGE = 'bss.events';
let db: TestDatabase;

beforeAll(async () => {
  db = await databaseWithSchema(SCHEMA);
});
afterAll(async () => {
  await db?.drop();
});

function busOn(broker: InProcessBroker, serviceName: string, topology: { queue: string; bindings: string[] }[] = []) {
  const { logger, lines } = capturingLogger(serviceName);
  const bus = createInProcessBus({ broker, exchange: EXCHANGE, database: db, logger, tracing: createTracing(serviceName), serviceName, topology });
  return { bus, lines };
}

const recorder = (fail: (e: EventEnvelope, call: number) => Error | undefined = () => undefined) => {
  const seen: EventEnvelope[] = [];
  const handler: EventHandler = async (tx, event) => {
    seen.push(event);
    const err = fail(event, seen.length);
    if (err) throw err;
    await tx.execute(sql`SELECT 1`);
  };
  return { seen, handler };
};

const transient = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
const inboxRows = async (eventId: string) =>
  (await db.db.execute<{ consumer: string }>(sql`SELECT consumer FROM inproc_test.inbox WHERE event_id = ${eventId} ORDER BY consumer`)).rows.map((r) => r.consumer);

describe('the in-process bus', () => {
  it("carries one service's event to another service's consumer, through its inbox", async () => {
    const broker = createInProcessBroker();
    const producer = busOn(broker, 'crm').bus;
    const consumer = busOn(broker, 'payment').bus;
    const h = recorder();
    const other = recorder();
    await consumer.subscribe({ queue: 'payment.customer', bindings: ['customer.*'], inboxSchema: SCHEMA }, h.handler);
    await consumer.subscribe({ queue: 'payment.case', bindings: ['case.opened'], inboxSchema: SCHEMA }, other.handler);
    const event = envelope({ eventType: 'customer.created' });
    const outcomes = await producer.publishBatch!([{ event, traceparent: null }]);
    expect(outcomes).toEqual([{ ok: true }]);
    await waitFor(() => h.seen.length === 1, 'delivery');
    expect(h.seen[0]).toEqual(event);
    expect(other.seen).toEqual([]);
    expect(await inboxRows(event.eventId)).toEqual(['payment.customer']);
    expect(consumer.subscribedQueues()).toEqual(['payment.customer', 'payment.case']);
    expect(await consumer.connect()).toBe(true);
    expect(consumer.isConnected()).toBe(true);
  });

  it('keeps events for a declared queue until its consumer attaches (the topology every service declares)', async () => {
    const broker = createInProcessBroker();
    const { bus: producer } = busOn(broker, 'crm', [{ queue: 'late.q', bindings: ['customer.created'] }]);
    const event = envelope({ eventType: 'customer.created' });
    await producer.publish(event);
    expect(broker.depth('late.q')).toBe(1);
    expect(producer.stats().unrouted).toBe(0);
    const h = recorder();
    await busOn(broker, 'late').bus.subscribe({ queue: 'late.q', bindings: ['customer.created'], inboxSchema: SCHEMA }, h.handler);
    await waitFor(() => h.seen.length === 1, 'late delivery');
    expect(broker.depth('late.q')).toBe(0);
  });

  it('handles an event published twice only once per consumer', async () => {
    const broker = createInProcessBroker();
    const { bus } = busOn(broker, 'svc');
    const h = recorder();
    await bus.subscribe({ queue: 'dedupe.q', bindings: ['order.#'], inboxSchema: SCHEMA }, h.handler);
    const event = envelope({ eventType: 'order.completed' });
    await bus.publish(event);
    await bus.publish(event);
    expect(await broker.idle(5000)).toBe(true);
    // The second delivery finds the inbox claim taken and never reaches the handler.
    expect(h.seen).toHaveLength(1);
    expect(await inboxRows(event.eventId)).toEqual(['dedupe.q']);
  });

  it('retries a permanent failure through the delay tiers, then parks it; requeue sends it to the failing queue only', async () => {
    const broker = createInProcessBroker();
    const { bus, lines } = busOn(broker, 'svc');
    let broken = true;
    const h = recorder(() => (broken ? new Error('no such plan PLAN_X') : undefined));
    const bystander = recorder();
    await bus.subscribe({ queue: 'fix.q', bindings: ['order.*'], inboxSchema: SCHEMA, maxAttempts: 3, retryDelaysMs: [5, 10] }, h.handler);
    await bus.subscribe({ queue: 'fix.other', bindings: ['order.*'], inboxSchema: SCHEMA }, bystander.handler);
    const [a, b] = [envelope({ eventType: 'order.placed' }), envelope({ eventType: 'order.placed' })];
    await bus.publish(a);
    await bus.publish(b);
    await waitFor(async () => (await bus.parkedMessages.peek('fix.q', 10)).count === 2, 'two parked');
    expect(h.seen.filter((e) => e.eventId === a.eventId)).toHaveLength(3);
    const peeked = await bus.parkedMessages.peek('fix.q', 1);
    expect(peeked.count).toBe(2);
    expect(peeked.messages).toHaveLength(1);
    expect(peeked.messages[0]).toMatchObject({ messageId: a.eventId, eventType: 'order.placed', attempts: 3, requeues: 0 });
    expect(peeked.messages[0]!.reason).toMatch(/^permanent failure after 3 attempts: no such plan PLAN_X/);
    expect(JSON.parse(peeked.messages[0]!.body.toString())).toEqual(a);
    expect(lines.filter((l) => l.msg === 'mq.message.parked')).toHaveLength(2);
    expect(await inboxRows(a.eventId)).toEqual(['fix.other']);

    broken = false;
    expect(await bus.parkedMessages.requeueOne('fix.q', b.eventId, 100)).toEqual({ requeued: [b.eventId], remaining: 1 });
    expect(await bus.parkedMessages.requeueAll('fix.q', 100)).toEqual({ requeued: [a.eventId], remaining: 0 });
    await waitFor(async () => (await inboxRows(a.eventId)).length === 2 && (await inboxRows(b.eventId)).length === 2, 'requeued handled');
    expect(bystander.seen.map((e) => e.eventId)).toEqual([a.eventId, b.eventId]);
    expect((await bus.parkedMessages.peek('fix.q', 10)).count).toBe(0);
  });

  it('keeps retrying a transient failure past maxAttempts, and parks it once the deadline has passed', async () => {
    const broker = createInProcessBroker();
    const { bus } = busOn(broker, 'svc');
    const recovers = recorder((_e, call) => (call <= 4 ? transient() : undefined));
    await bus.subscribe({ queue: 'flaky.q', bindings: ['flaky.recovers'], inboxSchema: SCHEMA, maxAttempts: 2, retryDelaysMs: [5] }, recovers.handler);
    const event = envelope({ eventType: 'flaky.recovers' });
    await bus.publish(event);
    await waitFor(async () => (await inboxRows(event.eventId)).length === 1, 'recovered after 4 transient failures');
    expect(recovers.seen).toHaveLength(5);

    const down = recorder(() => transient());
    await bus.subscribe({ queue: 'down.q', bindings: ['flaky.down'], inboxSchema: SCHEMA, maxAttempts: 1, retryDelaysMs: [10], retryDeadlineMs: 40 }, down.handler);
    const lost = envelope({ eventType: 'flaky.down' });
    await bus.publish(lost);
    const parked = await waitFor(async () => (await bus.parkedMessages.peek('down.q', 1)).messages[0], 'parked after the deadline');
    expect(parked.reason).toMatch(/transient failure outlasted the retry deadline \(40 ms\)/);
    expect(down.seen.length).toBeGreaterThan(1);
  });

  it('parks an unreadable message at once and counts what no binding matched', async () => {
    const broker = createInProcessBroker();
    const { bus, lines } = busOn(broker, 'svc');
    const h = recorder();
    await bus.subscribe({ queue: 'poison.q', bindings: ['poison.#'], inboxSchema: SCHEMA }, h.handler);
    broker.publish(EXCHANGE, 'poison.x', { content: Buffer.from('{not json'), properties: { messageId: 'm-1', type: 'poison.x', headers: {} } });
    const parked = await waitFor(async () => (await bus.parkedMessages.peek('poison.q', 1)).messages[0], 'poison parked');
    expect(parked).toMatchObject({ messageId: 'm-1', attempts: 1 });
    expect(parked.reason).toMatch(/^invalid event envelope/);
    expect(h.seen).toEqual([]);

    const stray = envelope({ eventType: 'nobody.listens' });
    await bus.publish(stray);
    expect(bus.stats().unrouted).toBe(1);
    expect(broker.unrouted(EXCHANGE).map((m) => m.properties.messageId)).toEqual([stray.eventId]);
    expect(lines.some((l) => l.eventId === stray.eventId && String(l.msg).includes('unrouted'))).toBe(true);
  });

  it('stops consuming on close, and a restarted consumer picks up what queued meanwhile', async () => {
    const broker = createInProcessBroker();
    const { bus: producer } = busOn(broker, 'producer');
    const first = busOn(broker, 'consumer').bus;
    const h1 = recorder();
    await first.subscribe({ queue: 'restart.q', bindings: ['restart.*'], inboxSchema: SCHEMA }, h1.handler);
    await first.close();
    expect(first.isConnected()).toBe(false);
    await expect(first.publish(envelope())).rejects.toThrow(/closed/);
    const event = envelope({ eventType: 'restart.me' });
    await producer.publish(event);
    expect(broker.depth('restart.q')).toBe(1);
    const h2 = recorder();
    await busOn(broker, 'consumer').bus.subscribe({ queue: 'restart.q', bindings: ['restart.*'], inboxSchema: SCHEMA }, h2.handler);
    await waitFor(() => h2.seen.length === 1, 'redelivery to the restarted consumer');
    expect(h1.seen).toEqual([]);
  });

  it('shares a broker between consumers of one queue round-robin, and refuses a second subscription on one bus', async () => {
    const broker = createInProcessBroker();
    const [x, y] = [busOn(broker, 'x').bus, busOn(broker, 'y').bus];
    const [hx, hy] = [recorder(), recorder()];
    const spec = { queue: 'shared.q', bindings: ['shared.*'], inboxSchema: SCHEMA };
    await x.subscribe(spec, hx.handler);
    await y.subscribe(spec, hy.handler);
    await expect(x.subscribe(spec, hx.handler)).rejects.toThrow(/already subscribed/);
    for (let i = 0; i < 4; i++) await x.publish(envelope({ eventType: 'shared.e', eventId: randomUUID() }));
    expect(await broker.idle(5000)).toBe(true);
    expect([hx.seen.length, hy.seen.length]).toEqual([2, 2]);
  });

  it('is installed once per process, for the platforms the fleet creates', () => {
    const broker = createInProcessBroker();
    const uninstall = installProcessBroker(broker);
    expect(processBroker()).toBe(broker);
    expect(() => installProcessBroker(createInProcessBroker())).toThrow(/already installed/);
    uninstall();
    expect(processBroker()).toBeUndefined();
  });
});
