// The event-plane part of `make bench`, on a throwaway database and exchange: relay throughput (10,000 staged
// events drained by the pipelined relay) and commit → consumer-handled latency at a steady 1,000 events/s
// through the real relay (NOTIFY-woken), RabbitMQ and a safe consumer (inbox claim in its own transaction).
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ControllableClock } from '@bss/clock';
import { createDatabase, migrate } from '@bss/db';
import { createAmqpBus, createOutbox, createRelay, PIPELINE_DEPTH } from '@bss/events';
import { createLogger, createTracing } from '@bss/telemetry';
import { connect } from 'amqplib';
import pg from 'pg';

const SCHEMA = 'bench_events';
const MIGRATIONS = fileURLToPath(new URL('../migrations', import.meta.url));

export interface EventsBenchResult {
  relay: { events: number; ms: number; eventsPerSecond: number };
  latency: { ratePerSecond: number; seconds: number; events: number; failedWrites: number; p50: number; p99: number; max: number; cpuUsPerEvent: number };
  /**
   * Where commit → handled goes, per event (ms, p50/p99), from the rows' own timestamps: `published_at` is the
   * start of the relay's drain transaction that claimed the row, the inbox's `processed_at` the start of the
   * consumer's transaction. commit → drain start = NOTIFY delivery + waiting for the relay loop; drain start →
   * inbox tx = claim query + publish + broker + delivery + the consumer's pool checkout and BEGIN; inbox tx →
   * handled = the inbox claim.
   */
  hops: Record<'commitToDrainStart' | 'drainStartToInboxTx' | 'inboxTxToHandled', { p50: number; p99: number }>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** `rate` events/s for `seconds` (plus one second of warm-up) in the latency part. */
export async function runEventsBench(dbUrl: string, mqUrl: string, seconds: number, rate = 1000, batched = true): Promise<EventsBenchResult> {
  const suffix = randomBytes(4).toString('hex');
  const dbName = `bss_bench_events_${suffix}`;
  const exchange = `bss.bench.${suffix}`;
  const queue = `bench.${suffix}.latency`;
  // CREATE/DROP DATABASE from the maintenance database: the server's `bss` database may not exist yet (a fresh
  // machine that never ran `make up`).
  const admin = new URL(dbUrl);
  admin.pathname = '/postgres';
  const server = new pg.Client({ connectionString: admin.toString() });
  await server.connect();
  await server.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(dbUrl);
  url.pathname = `/${dbName}`;
  await migrate({ url: url.toString(), dir: MIGRATIONS, schemas: [SCHEMA], seed: false });
  // Producer + relay share one pool (one service), the consumer has its own (another service), as deployed.
  const database = createDatabase(url.toString(), { max: 10, applicationName: 'bss-bench-events' });
  const consumerDb = createDatabase(url.toString(), { max: 10, applicationName: 'bss-bench-consumer' });
  // The relay has its own small pool, as in the runtime, so it never queues behind the writers.
  const relayDb = createDatabase(url.toString(), { max: PIPELINE_DEPTH + 1, applicationName: 'bss-bench-relay' });
  const logger = createLogger('bench-events', 'warn');
  const tracing = createTracing('bench-events');
  const bus = createAmqpBus({ url: mqUrl, exchange, database, logger, tracing, serviceName: 'bench', unroutedCheckMs: 0 });
  const outbox = createOutbox(SCHEMA, new ControllableClock());
  // Declared out here so a failure mid-run stops it too: left running, it polls the closed pool forever.
  let relay: ReturnType<typeof createRelay> | undefined;
  try {
    if (!(await bus.connect(5000))) throw new Error(`broker not reachable at ${mqUrl}`);
    const consumerBus = createAmqpBus({ url: mqUrl, exchange, database: consumerDb, logger, tracing, serviceName: 'bench-consumer', unroutedCheckMs: 0, prefetch: 20 });
    const handledAt = new Map<string, number>();
    const handle = async (_tx: unknown, event: { eventId: string }) => void handledAt.set(event.eventId, performance.now());
    // `batched`: the consumer opts into natural batching, as the consumers that see 1,000 events/s run (rating and
    // subscription's usage); otherwise one transaction per message, as every other consumer runs.
    await consumerBus.subscribe(
      { queue, bindings: ['bench.latency'], inboxSchema: SCHEMA },
      handle,
      batched ? { handler: async (tx, items) => void (await Promise.all(items.map((it) => handle(tx, it.event)))) } : undefined,
    );

    // 1. Throughput: stage 10,000 rows in one statement, then time the relay draining them.
    const N = 10_000;
    await database.pool.query(
      `INSERT INTO bench_events.outbox (event_id, event_type, aggregate_type, aggregate_id, occurred_at, actor, channel, payload)
       SELECT gen_random_uuid(), 'bench.throughput', 'bench', 'B-' || i, now(), 'bench', 'system', jsonb_build_object('i', i)
       FROM generate_series(1, $1::int) AS i`,
      [N],
    );
    relay = createRelay({ database: relayDb, schema: SCHEMA, publisher: bus, logger });
    const t0 = performance.now();
    const published = await relay.drain();
    const ms = performance.now() - t0;

    // 2. Latency at a steady rate: each event is its own committed write; the NOTIFY-woken relay publishes it.
    await relay.start();
    const committedAt = new Map<string, number>();
    const writes: Promise<void>[] = [];
    let failedWrites = 0;
    const total = rate * (seconds + 1);
    // CPU of this process (writer + relay + consumer) per event: steadier than latency on a shared machine.
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      writes.push(
        database.db
          .transaction((tx) => outbox.stage(tx, { eventType: 'bench.latency', aggregateType: 'bench', aggregateId: `L-${i}`, payload: { i } }))
          .then(
            (e) => {
              // The first second warms up (JIT, pools, channels) and is not counted.
              if (i >= rate) committedAt.set(e.eventId, performance.now());
            },
            // A write that could not even get a connection (a starved machine) is reported, not fatal.
            () => void failedWrites++,
          ),
      );
    }
    await Promise.all(writes);
    const deadline = performance.now() + 10_000;
    while ([...committedAt.keys()].some((id) => !handledAt.has(id)) && performance.now() < deadline) await sleep(50);
    const cpu = process.cpuUsage(cpuBefore);
    await relay.stop();
    await consumerBus.close();
    const lat = [...committedAt].map(([id, at]) => (handledAt.get(id) ?? Infinity) - at).sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 1000) / 1000;
    // Database timestamps are wall-clock epoch ms; performance.now() + timeOrigin is the same clock.
    const { rows: stamps } = await database.pool.query<{ event_id: string; drained: number; inbox: number }>(
      `SELECT o.event_id, extract(epoch FROM o.published_at) * 1000 AS drained, extract(epoch FROM i.processed_at) * 1000 AS inbox
       FROM bench_events.outbox o JOIN bench_events.inbox i ON i.event_id = o.event_id WHERE o.event_type = 'bench.latency'`,
    );
    const hop = { commitToDrainStart: [] as number[], drainStartToInboxTx: [] as number[], inboxTxToHandled: [] as number[] };
    for (const r of stamps) {
      const committed = committedAt.get(r.event_id);
      const handled = handledAt.get(r.event_id);
      if (committed === undefined || handled === undefined) continue;
      hop.commitToDrainStart.push(Number(r.drained) - (performance.timeOrigin + committed));
      hop.drainStartToInboxTx.push(Number(r.inbox) - Number(r.drained));
      hop.inboxTxToHandled.push(performance.timeOrigin + handled - Number(r.inbox));
    }
    const summary = (xs: number[]) => {
      const sorted = xs.sort((a, b) => a - b);
      return sorted.length ? { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)) } : { p50: NaN, p99: NaN };
    };
    return {
      relay: { events: published, ms: Math.round(ms), eventsPerSecond: Math.round((published / ms) * 1000) },
      latency: { ratePerSecond: rate, seconds, events: lat.length, failedWrites, p50: round(percentile(lat, 50)), p99: round(percentile(lat, 99)), max: round(lat.at(-1)!), cpuUsPerEvent: Math.round((cpu.user + cpu.system) / total) },
      hops: { commitToDrainStart: summary(hop.commitToDrainStart), drainStartToInboxTx: summary(hop.drainStartToInboxTx), inboxTxToHandled: summary(hop.inboxTxToHandled) },
    };
  } finally {
    await relay?.stop();
    await bus.close();
    await database.close();
    await consumerDb.close();
    await relayDb.close();
    await server.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await server.end();
    const model = await connect(mqUrl);
    const ch = await model.createChannel();
    for (const q of [queue, `${queue}.parked`, ...['1s', '5s', '30s', '2m', '5m'].map((d) => `${queue}.retry.${d}`), `${exchange}.unrouted`]) await ch.deleteQueue(q);
    await ch.deleteExchange(exchange);
    await ch.deleteExchange(`${exchange}.unrouted`);
    await model.close();
  }
}
