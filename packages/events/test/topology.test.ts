// The declared topology against real RabbitMQ and Postgres: an event no binding matches is kept in
// `<exchange>.unrouted` (with a warning and a counter) instead of vanishing; a queue from the catalogue
// collects events published before its consumer exists; an exchange left by an earlier version (no
// alternate exchange) still works and unroutable publishes are counted as returned.
import { frozenClock } from '@bss/clock';
import type { TestDatabase } from '@bss/testing';
import { createLogger, createTracing } from '@bss/telemetry';
import { connect } from 'amqplib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAmqpBus, createOutbox, createRelay, unroutedOf, type AmqpBus, type AmqpBusOptions, type Relay } from '../src/index.ts';
import { brokerAdmin, databaseWithSchema, envelope, hex, MQ_URL, waitFor, capturingLogger } from './support.ts';

const SCHEMA = 'topology_test';
const tracing = createTracing('events-test');
const outbox = createOutbox(SCHEMA, frozenClock('2026-06-01T00:00:00Z'));
const buses: AmqpBus[] = [];
const relays: Relay[] = [];
const cleanups: (() => Promise<void>)[] = [];
let db: TestDatabase;

/** A fresh exchange (removed with its queues after the file) and a bus on it. */
function world(queues: { queue: string; bindings: string[] }[] = []) {
  const exchange = `bss.test.${hex()}`;
  const names = queues.map((q) => q.queue);
  cleanups.push(async () => {
    const admin = await brokerAdmin();
    await admin.cleanup(names, exchange);
  });
  const bus = (extra: Partial<AmqpBusOptions> = {}) => {
    const { logger, lines } = capturingLogger('topology-test');
    const b = createAmqpBus({ url: MQ_URL, exchange, database: db, logger, tracing, serviceName: 'topology-test', unroutedCheckMs: 0, topology: queues, ...extra });
    buses.push(b);
    return { bus: b, lines };
  };
  return { exchange, bus };
}

beforeAll(async () => {
  db = await databaseWithSchema(SCHEMA);
});

afterAll(async () => {
  await Promise.all(relays.map((r) => r.stop()));
  await Promise.all(buses.map((b) => b.close()));
  for (const c of cleanups) await c();
  await db?.drop();
});

describe('declared topology', () => {
  it('keeps an event whose routing key no queue binds in <exchange>.unrouted, with a warning and a counter', async () => {
    const { exchange, bus } = world();
    const { bus: b, lines } = bus();
    expect(await b.connect()).toBe(true);
    expect(b.stats().exchange).toBe('ok');
    const staged = await db.db.transaction((tx) => outbox.stage(tx, { eventType: 'nobody.listens', aggregateType: 'widget', aggregateId: 'W-1', payload: { n: 1 } }));
    const relay = createRelay({ database: db, schema: SCHEMA, publisher: b, logger: createLogger('relay', 'silent') });
    relays.push(relay);
    expect(await relay.drainOnce()).toBe(1);

    const admin = await brokerAdmin();
    const kept = await waitFor(async () => {
      const msgs = await admin.drain(unroutedOf(exchange));
      return msgs.length ? msgs : undefined;
    }, 'the event in the unrouted queue');
    expect(kept).toHaveLength(1);
    expect(JSON.parse(kept[0]!.content.toString())).toMatchObject({ eventId: staged.eventId, eventType: 'nobody.listens' });
    expect(kept[0]!.properties.messageId).toBe(staged.eventId);
    await admin.publishRaw(exchange, 'nobody.either', Buffer.from(JSON.stringify(envelope({ eventType: 'nobody.either' }))));
    await admin.publishRaw(exchange, 'nobody.either', Buffer.from(JSON.stringify(envelope({ eventType: 'nobody.either' }))));
    await b.checkUnrouted();
    expect(b.stats().unrouted).toBe(2);
    expect(lines.find((l) => l.msg === 'events landed in the unrouted queue: no binding matched their routing key')).toMatchObject({ added: 2, waiting: 2 });
    // Nothing new: no further warning, counter unchanged.
    await b.checkUnrouted();
    expect(b.stats().unrouted).toBe(2);
    expect(b.stats().returned).toBe(0);
    await admin.close();
  });

  it('declares every catalogued queue on connect, so it collects events published before its consumer subscribes', async () => {
    const q = `evt-${hex()}.late-consumer`;
    const { bus } = world([{ queue: q, bindings: ['order.placed'] }]);
    // A producer's bus (in another service) declares the whole topology; the consumer does not exist yet.
    const { bus: producer } = bus();
    expect(await producer.connect()).toBe(true);
    const early = envelope({ eventType: 'order.placed' });
    await producer.publish(early);

    await db.db.execute(sql`CREATE TABLE IF NOT EXISTS topology_test.effect (event_id uuid PRIMARY KEY)`);
    const { bus: consumer } = bus();
    await consumer.subscribe({ queue: q, bindings: ['order.placed'], inboxSchema: SCHEMA }, async (tx, event) => {
      await tx.execute(sql`INSERT INTO topology_test.effect (event_id) VALUES (${event.eventId})`);
    });
    await waitFor(async () => (await db.db.execute(sql`SELECT 1 FROM topology_test.effect WHERE event_id = ${early.eventId}`)).rowCount, 'the early event to be handled by the late consumer');
    expect(producer.stats().unrouted).toBe(0);
  });

  it('works with an exchange created without an alternate exchange and counts unroutable publishes as returned', async () => {
    const { exchange, bus } = world();
    const model = await connect(MQ_URL);
    const ch = await model.createChannel();
    await ch.assertExchange(exchange, 'topic', { durable: true });
    await model.close();

    const { bus: b, lines } = bus();
    expect(await b.connect()).toBe(true);
    expect(b.stats().exchange).toBe('legacy');
    expect(lines.some((l) => l.level === 50 && String(l.msg).includes('without an alternate exchange'))).toBe(true);
    await b.publish(envelope({ eventType: 'nobody.listens' }));
    await waitFor(() => b.stats().returned === 1, 'the broker to return the unroutable event');
    expect(lines.some((l) => l.msg === 'event returned unroutable by the broker (no alternate exchange)')).toBe(true);
  });
});
