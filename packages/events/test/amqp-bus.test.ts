// The AMQP bus and relay end to end against the real RabbitMQ and Postgres: broker outage, rollback,
// duplicate delivery, retry-then-park, poison bodies, consumer reconnect and trace propagation.
import { frozenClock } from '@bss/clock';
import type { EventEnvelope } from '@bss/contracts';
import type { TestDatabase } from '@bss/testing';
import { createLogger, createTracing, currentContext, runWithContext, systemContext } from '@bss/telemetry';
import { DownstreamUnavailable, PolicyViolation } from '@bss/policy';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAmqpBus,
  createOutbox,
  createRelay,
  FIRST_ATTEMPT_HEADER,
  PARK_ATTEMPTS_HEADER,
  PARK_REASON_HEADER,
  type AmqpBusOptions,
  type EventBus,
  type EventHandler,
  type Relay,
} from '../src/index.ts';
import { brokerAdmin, databaseWithSchema, envelope, hex, MQ_URL, sleep, startTcpProxy, waitFor, type TcpProxy, capturingLogger } from './support.ts';

const SCHEMA = 'amqp_test';
const exchange = `bss.test.${hex()}`;
const prefix = `evt-${hex()}`;
const queues: string[] = [];
const buses: EventBus[] = [];
const relays: Relay[] = [];
const proxies: TcpProxy[] = [];
const tracing = createTracing('events-test');
const outbox = createOutbox(SCHEMA, frozenClock('2026-06-01T00:00:00Z'));
let db: TestDatabase;
let admin: Awaited<ReturnType<typeof brokerAdmin>>;

function bus(url = MQ_URL, extra: Partial<AmqpBusOptions> = {}) {
  const { logger, lines } = capturingLogger('events-test');
  const b = createAmqpBus({
    url,
    exchange,
    database: db,
    logger,
    tracing,
    serviceName: 'events-test',
    reconnectInitialDelayMs: 50,
    reconnectMaxDelayMs: 250,
    ...extra,
  });
  buses.push(b);
  return { bus: b, lines };
}

function queue(name: string) {
  const q = `${prefix}.${name}`;
  queues.push(q);
  return q;
}

/** Handler calls per queue (including failed ones); successful effects land in amqp_test.effect. */
const calls = new Map<string, EventEnvelope[]>();
function handler(q: string, opts: { failTimes?: (e: EventEnvelope) => number; onCall?: () => void } = {}): EventHandler {
  return async (tx, event) => {
    const seen = [...(calls.get(q) ?? []), event];
    calls.set(q, seen);
    opts.onCall?.();
    const attempts = seen.filter((e) => e.eventId === event.eventId).length;
    if (attempts <= (opts.failTimes?.(event) ?? 0)) throw new Error(`boom on attempt ${attempts}`);
    await tx.execute(sql`INSERT INTO amqp_test.effect (event_id, queue, trace_id) VALUES (${event.eventId}, ${q}, ${currentContext().traceId})`);
  };
}

async function effects(eventId: string) {
  return (await db.db.execute<{ queue: string; trace_id: string }>(sql`SELECT queue, trace_id FROM amqp_test.effect WHERE event_id = ${eventId}`)).rows;
}

async function outboxRow(eventId: string) {
  const res = await db.db.execute<{ published_at: unknown; publish_attempts: number; last_publish_error: string | null }>(
    sql`SELECT published_at, publish_attempts, last_publish_error FROM amqp_test.outbox WHERE event_id = ${eventId}`,
  );
  return res.rows[0];
}

function relay(publisher: EventBus) {
  const r = createRelay({ database: db, schema: SCHEMA, publisher, logger: createLogger('relay', 'silent'), sweepIntervalMs: 100 });
  relays.push(r);
  return r;
}

const stage = (eventType: string, payload: Record<string, unknown> = {}) =>
  db.db.transaction((tx) => outbox.stage(tx, { eventType, aggregateType: 'widget', aggregateId: `W-${hex()}`, payload }));

beforeAll(async () => {
  db = await databaseWithSchema(SCHEMA);
  await db.db.execute(sql`CREATE TABLE amqp_test.effect (event_id uuid NOT NULL, queue text NOT NULL, trace_id text)`);
  admin = await brokerAdmin();
});

afterAll(async () => {
  await Promise.all(relays.map((r) => r.stop()));
  await Promise.all(buses.map((b) => b.close()));
  await Promise.all(proxies.map((p) => p.stop()));
  await admin?.cleanup(queues, exchange, [50, 100]);
  await db?.drop();
});

describe('amqp bus + relay', () => {
  it('delivers a write committed while the broker was unreachable once it is back', async () => {
    const proxy = await startTcpProxy();
    proxies.push(proxy);
    const q = queue('outage');
    const { bus: consumer } = bus();
    await consumer.subscribe({ queue: q, bindings: ['outage.*'], inboxSchema: SCHEMA }, handler(q));
    const { bus: publisher } = bus(proxy.url, { connectWaitMs: 200 });
    await relay(publisher).start();
    await waitFor(() => publisher.isConnected(), 'the publisher to connect');

    await proxy.stop();
    await waitFor(() => !publisher.isConnected(), 'the publisher to notice the outage');
    const event = await stage('outage.happened');
    const failed = await waitFor(async () => {
      const row = await outboxRow(event.eventId);
      return row && row.publish_attempts >= 1 && row.last_publish_error ? row : undefined;
    }, 'a recorded publish failure');
    expect(failed.published_at).toBeNull();
    expect(await effects(event.eventId)).toEqual([]);

    await proxy.start();
    await waitFor(async () => (await effects(event.eventId)).length === 1, 'the event to be handled after the broker came back', 10_000);
    // The broker confirms (and the consumer may handle) before the relay commits its stamp: wait for it.
    const row = await waitFor(async () => {
      const r = await outboxRow(event.eventId);
      return r?.published_at ? r : undefined;
    }, 'the relay to stamp the row published');
    expect(row.publish_attempts).toBeGreaterThanOrEqual(2);
    expect(publisher.isConnected()).toBe(true);
  });

  it('publishes nothing for a rolled-back write', async () => {
    const q = queue('rollback');
    const { bus: b } = bus();
    await b.subscribe({ queue: q, bindings: ['rollback.*'], inboxSchema: SCHEMA }, handler(q));
    await relay(b).start();
    let doomed: EventEnvelope | undefined;
    await expect(
      db.db.transaction(async (tx) => {
        doomed = await outbox.stage(tx, { eventType: 'rollback.doomed', aggregateType: 'widget', aggregateId: 'W-RB', payload: {} });
        throw new Error('policy violated after staging');
      }),
    ).rejects.toThrow('policy violated');
    // A committed marker staged afterwards is the barrier: once it is handled, the relay has been past.
    const marker = await stage('rollback.marker');
    await waitFor(async () => (await effects(marker.eventId)).length === 1, 'the marker event');
    await sleep(200);
    expect(calls.get(q)?.map((e) => e.eventType)).toEqual(['rollback.marker']);
    expect(await outboxRow(doomed!.eventId)).toBeUndefined();
  });

  it('handles an event delivered twice only once', async () => {
    const q = queue('dup');
    const { bus: b, lines } = bus();
    await b.subscribe({ queue: q, bindings: ['dup.*'], inboxSchema: SCHEMA }, handler(q));
    const event = envelope({ eventType: 'dup.event' });
    await b.publish(event);
    await b.publish(event);
    await waitFor(() => lines.some((l) => l.msg === 'inbox duplicate skipped' && l.eventId === event.eventId), 'the duplicate to be skipped');
    expect(await effects(event.eventId)).toHaveLength(1);
    expect(calls.get(q)).toHaveLength(1);
    const inbox = await db.db.execute(sql`SELECT consumer FROM amqp_test.inbox WHERE event_id = ${event.eventId}`);
    expect(inbox.rows).toEqual([{ consumer: q }]);
  });

  it('parks a message that keeps failing after maxAttempts and keeps the queue flowing', async () => {
    const q = queue('poison');
    const { bus: b } = bus();
    const spec = { queue: q, bindings: ['poison.*'], inboxSchema: SCHEMA, maxAttempts: 3, retryDelaysMs: [100] };
    await b.subscribe(spec, handler(q, { failTimes: (e) => (e.payload.poison ? Infinity : 0) }));
    const bad = envelope({ eventType: 'poison.event', payload: { poison: true } });
    const good = envelope({ eventType: 'poison.event', payload: { poison: false } });
    await b.publish(bad, { traceparent: '00-11111111111111111111111111111111-2222222222222222-01' });
    await b.publish(good);

    await waitFor(async () => (await effects(good.eventId)).length === 1, 'the good message behind the poison one');
    const parked = await waitFor(async () => {
      const msgs = await admin.drain(`${q}.parked`);
      return msgs.length ? msgs : undefined;
    }, 'the poison message to be parked');
    expect(parked).toHaveLength(1);
    const msg = parked[0]!;
    expect(JSON.parse(msg.content.toString())).toEqual(bad);
    expect(msg.properties.messageId).toBe(bad.eventId);
    expect(msg.properties.headers?.[PARK_ATTEMPTS_HEADER]).toBe(3);
    expect(String(msg.properties.headers?.[PARK_REASON_HEADER])).toContain('boom on attempt 3');
    expect(msg.properties.headers?.traceparent).toMatch(/^00-11111111111111111111111111111111-/);
    expect(calls.get(q)?.filter((e) => e.eventId === bad.eventId)).toHaveLength(3);
    expect(await effects(bad.eventId)).toEqual([]);
    expect(await admin.count(`${q}.retry.100ms`)).toBe(0);
  });

  it('retries a transient failure past maxAttempts and parks it once the retry deadline has passed', async () => {
    const q = queue('deadline');
    const { bus: b } = bus();
    const unavailable = () => new DownstreamUnavailable('downstream.unavailable', 'crm answered HTTP 503');
    let calls = 0;
    await b.subscribe({ queue: q, bindings: ['deadline.*'], inboxSchema: SCHEMA, maxAttempts: 2, retryDelaysMs: [50], retryDeadlineMs: 600 }, async () => {
      calls++;
      throw unavailable();
    });
    const event = envelope({ eventType: 'deadline.event' });
    await b.publish(event);
    const [msg] = await waitFor(async () => {
      const msgs = await admin.drain(`${q}.parked`);
      return msgs.length ? msgs : undefined;
    }, 'the transiently failing message to be parked at its deadline');
    // Far more than maxAttempts: a transient failure is bounded by the deadline, not the attempt count.
    expect(calls).toBeGreaterThan(4);
    expect(msg!.properties.headers?.[PARK_ATTEMPTS_HEADER]).toBe(calls);
    expect(String(msg!.properties.headers?.[PARK_REASON_HEADER])).toMatch(/^transient failure outlasted the retry deadline \(600 ms\): crm answered HTTP 503/);
    expect(Number(msg!.properties.headers?.[FIRST_ATTEMPT_HEADER])).toBeGreaterThan(0);
  });

  it('parks a permanent failure after the default three attempts', async () => {
    const q = queue('permanent');
    const { bus: b } = bus();
    let calls = 0;
    await b.subscribe({ queue: q, bindings: ['permanent.*'], inboxSchema: SCHEMA, retryDelaysMs: [50] }, async () => {
      calls++;
      throw new PolicyViolation('widget.apply.unknown_widget', 'no such widget');
    });
    await b.publish(envelope({ eventType: 'permanent.event' }));
    const [msg] = await waitFor(async () => {
      const msgs = await admin.drain(`${q}.parked`);
      return msgs.length ? msgs : undefined;
    }, 'the permanently failing message to be parked');
    expect(calls).toBe(3);
    expect(String(msg!.properties.headers?.[PARK_REASON_HEADER])).toBe('permanent failure after 3 attempts: no such widget');
  });

  it('parks an unreadable body at once', async () => {
    const q = queue('garbage');
    const { bus: b } = bus();
    await b.subscribe({ queue: q, bindings: ['garbage.*'], inboxSchema: SCHEMA, maxAttempts: 3, retryDelaysMs: [100] }, handler(q));
    await admin.publishRaw(exchange, 'garbage.json', Buffer.from('{"not": json'), { messageId: 'raw-1' });
    await admin.publishRaw(exchange, 'garbage.shape', Buffer.from(JSON.stringify({ eventId: 'nope' })), { messageId: 'raw-2' });
    const parked = await waitFor(async () => {
      const n = await admin.count(`${q}.parked`);
      return n === 2 ? admin.drain(`${q}.parked`) : undefined;
    }, 'both bad bodies parked');
    const byId = Object.fromEntries(parked.map((m) => [m.properties.messageId, m]));
    expect(String(byId['raw-1']?.properties.headers?.[PARK_REASON_HEADER])).toMatch(/^invalid event envelope: .*JSON/);
    expect(String(byId['raw-2']?.properties.headers?.[PARK_REASON_HEADER])).toMatch(/^invalid event envelope: /);
    expect(byId['raw-1']?.properties.headers?.[PARK_ATTEMPTS_HEADER]).toBe(1);
    expect(calls.get(q)).toBeUndefined();
  });

  it('retries only the failing queue, not every queue bound to the event', async () => {
    const flaky = queue('fan-flaky');
    const steady = queue('fan-steady');
    const { bus: b, lines } = bus();
    await b.subscribe({ queue: flaky, bindings: ['fan.*'], inboxSchema: SCHEMA, retryDelaysMs: [50] }, handler(flaky, { failTimes: () => 2 }));
    await b.subscribe({ queue: steady, bindings: ['fan.*'], inboxSchema: SCHEMA }, handler(steady));
    const event = envelope({ eventType: 'fan.out' });
    await b.publish(event);
    await waitFor(async () => (await effects(event.eventId)).length === 2, 'both queues to handle the event');
    await sleep(150);
    expect(calls.get(flaky)).toHaveLength(3);
    expect(calls.get(steady)).toHaveLength(1);
    // py17 re-published retries with the event's routing key, so `steady` would have seen redeliveries.
    expect(lines.filter((l) => l.msg === 'inbox duplicate skipped')).toEqual([]);
  });

  it('resumes consuming after its connection is killed', async () => {
    const proxy = await startTcpProxy();
    proxies.push(proxy);
    const q = queue('resume');
    const { bus: consumer, lines } = bus(proxy.url);
    await consumer.subscribe({ queue: q, bindings: ['resume.*'], inboxSchema: SCHEMA }, handler(q));
    const { bus: publisher } = bus();
    const first = envelope({ eventType: 'resume.event' });
    await publisher.publish(first);
    await waitFor(async () => (await effects(first.eventId)).length === 1, 'the first event');

    proxy.cut();
    await waitFor(() => lines.some((l) => l.msg === 'amqp connection lost; reconnecting'), 'the consumer to notice');
    const second = envelope({ eventType: 'resume.event' });
    await publisher.publish(second);
    await waitFor(async () => (await effects(second.eventId)).length === 1, 'the event published after the cut', 10_000);
    expect(consumer.isConnected()).toBe(true);
  });

  it('starts without the broker: publish rejects, and a subscription made meanwhile attaches once it is up', async () => {
    const proxy = await startTcpProxy();
    proxies.push(proxy);
    await proxy.stop();
    const q = queue('late');
    const { bus: consumer } = bus(proxy.url);
    const t0 = Date.now();
    await consumer.subscribe({ queue: q, bindings: ['late.*'], inboxSchema: SCHEMA }, handler(q));
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(consumer.isConnected()).toBe(false);
    await expect(consumer.publish(envelope({ eventType: 'late.event' }))).rejects.toThrow(/broker not connected/);

    await proxy.start();
    await waitFor(() => consumer.isConnected(), 'the consumer to connect', 5000);
    const event = envelope({ eventType: 'late.event' });
    const { bus: publisher } = bus();
    await publisher.publish(event);
    await waitFor(async () => (await effects(event.eventId)).length === 1, 'the late subscription to handle the event');
  });

  it('runs the handler under the trace of the request that staged the event', async () => {
    const q = queue('trace');
    const { bus: b } = bus();
    await b.subscribe({ queue: q, bindings: ['trace.*'], inboxSchema: SCHEMA }, handler(q));
    await relay(b).start();
    const traceId = hex(16);
    const event = await runWithContext(systemContext({ traceparent: `00-${traceId}-${hex(8)}-01` }), () => stage('trace.event'));
    const [effect] = await waitFor(async () => {
      const rows = await effects(event.eventId);
      return rows.length ? rows : undefined;
    }, 'the traced event');
    expect(effect!.trace_id).toBe(traceId);
    expect(event.traceId).toBe(traceId);
  });
});
