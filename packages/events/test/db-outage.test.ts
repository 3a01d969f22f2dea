// A consumer's database refusing connections for a minute in the middle of a stream of events: every message
// keeps retrying with backoff (transient failure, long deadline) and is handled once the database is back —
// nothing parked, nothing lost, nothing applied twice. The outage is real: the consumer reaches Postgres
// through a TCP proxy that the test closes (connections refused, live ones cut) and reopens.
// BSS_TEST_DB_OUTAGE_MS shortens the outage (default 60 000 ms, as the issue specifies).
import { Writable } from 'node:stream';
import { createDatabase, type Database } from '@bss/db';
import type { TestDatabase } from '@bss/testing';
import { createLogger, createTracing } from '@bss/telemetry';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAmqpBus, parkedQueueOf, type AmqpBus } from '../src/index.ts';
import { brokerAdmin, databaseWithSchema, envelope, hex, MQ_URL, sleep, startTcpProxy, waitFor, type TcpProxy } from './support.ts';

const SCHEMA = 'outage_test';
const OUTAGE_MS = Number(process.env.BSS_TEST_DB_OUTAGE_MS ?? 60_000);
const RATE_PER_S = 10;
const DELAYS = [250, 500, 1000, 2000];
const exchange = `bss.test.${hex()}`;
const queue = `evt-${hex()}.outage`;
const buses: AmqpBus[] = [];
let db: TestDatabase;
let viaProxy: Database;
let proxy: TcpProxy;

function countingLogger() {
  const counts = new Map<string, number>();
  const stream = new Writable({
    write(chunk, _enc, done) {
      const msg = String((JSON.parse(String(chunk)) as { msg: unknown }).msg);
      counts.set(msg, (counts.get(msg) ?? 0) + 1);
      done();
    },
  });
  return { logger: createLogger('outage-test', 'warn', stream), counts };
}

beforeAll(async () => {
  db = await databaseWithSchema(SCHEMA);
  await db.db.execute(sql`CREATE TABLE outage_test.effect (event_id uuid PRIMARY KEY, seq integer NOT NULL)`);
  const target = new URL(db.url);
  proxy = await startTcpProxy(target);
  const proxied = new URL(db.url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  viaProxy = createDatabase(proxied.toString(), { max: 5, applicationName: 'outage-consumer' });
});

afterAll(async () => {
  await Promise.all(buses.map((b) => b.close()));
  // pg's pool.end() can wait forever on a client whose socket the outage cut; do not let that hold the file.
  await Promise.race([viaProxy?.close(), sleep(2000)]);
  await proxy?.stop();
  const admin = await brokerAdmin();
  await admin.cleanup([queue], exchange, DELAYS);
  await db?.drop();
});

describe('database outage under a stream of events', () => {
  it(`handles every event after ${OUTAGE_MS / 1000} s of refused database connections: 0 parked, 0 lost`, { timeout: OUTAGE_MS + 90_000 }, async () => {
    const { logger, counts } = countingLogger();
    const tracing = createTracing('outage-test');
    const consumer = createAmqpBus({ url: MQ_URL, exchange, database: viaProxy, logger, tracing, serviceName: 'outage-consumer', unroutedCheckMs: 0 });
    const publisher = createAmqpBus({ url: MQ_URL, exchange, database: db, logger: createLogger('outage-pub', 'silent'), tracing, serviceName: 'outage-producer', unroutedCheckMs: 0 });
    buses.push(consumer, publisher);
    await consumer.subscribe({ queue, bindings: ['stream.#'], inboxSchema: SCHEMA, retryDelaysMs: DELAYS }, async (tx, event) => {
      await tx.execute(sql`INSERT INTO outage_test.effect (event_id, seq) VALUES (${event.eventId}, ${Number(event.payload.seq)})`);
    });

    let seq = 0;
    const stream = async (ms: number) => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        await publisher.publish(envelope({ eventType: 'stream.tick', payload: { seq: ++seq } }));
        await sleep(1000 / RATE_PER_S);
      }
    };
    const handled = async () => Number((await db.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM outage_test.effect`)).rows[0]!.n);

    await stream(3000);
    await waitFor(async () => (await handled()) === seq, 'the events before the outage', 10_000);
    const beforeOutage = seq;

    await proxy.stop();
    await stream(OUTAGE_MS);
    const duringOutage = seq - beforeOutage;
    expect(await handled()).toBe(beforeOutage);
    await proxy.start();
    await stream(2000);

    await waitFor(async () => (await handled()) === seq, `all ${seq} events to be handled after recovery`, 30_000, 200);
    const admin = await brokerAdmin();
    expect(await admin.count(parkedQueueOf(queue))).toBe(0);
    await admin.close();
    const seqs = (await db.db.execute<{ seq: number }>(sql`SELECT seq FROM outage_test.effect ORDER BY seq`)).rows.map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
    // The outage was real: events published during it failed (transiently) at least once each.
    expect(duringOutage).toBeGreaterThan(0);
    expect(counts.get('event handler failed; will retry') ?? 0).toBeGreaterThanOrEqual(duringOutage);
    expect(counts.get('event handler failed; parking') ?? 0).toBe(0);
  });
});
