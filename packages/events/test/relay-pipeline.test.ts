// The relay's pipelined batch against real RabbitMQ and Postgres: a batch's publishes go out together and a
// broker nack in the middle stamps only the confirmed prefix; the rest follows on the next drain, in order.
import { frozenClock } from '@bss/clock';
import type { TestDatabase } from '@bss/testing';
import { createLogger, createTracing } from '@bss/telemetry';
import { connect } from 'amqplib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAmqpBus, createOutbox, createRelay, type AmqpBus } from '../src/index.ts';
import { brokerAdmin, databaseWithSchema, hex, MQ_URL } from './support.ts';

const SCHEMA = 'pipeline_test';
const exchange = `bss.test.${hex()}`;
const queue = `evt-${hex()}.bounded`;
const outbox = createOutbox(SCHEMA, frozenClock('2026-06-01T00:00:00Z'));
let db: TestDatabase;
let bus: AmqpBus;

beforeAll(async () => {
  db = await databaseWithSchema(SCHEMA);
  bus = createAmqpBus({ url: MQ_URL, exchange, database: db, logger: createLogger('pipeline', 'silent'), tracing: createTracing('pipeline'), serviceName: 'pipeline-test', unroutedCheckMs: 0 });
  expect(await bus.connect()).toBe(true);
  // A queue that holds three messages and makes the broker nack any publish beyond them.
  const model = await connect(MQ_URL);
  const ch = await model.createChannel();
  await ch.assertQueue(queue, { durable: false, arguments: { 'x-max-length': 3, 'x-overflow': 'reject-publish' } });
  await ch.bindQueue(queue, exchange, 'widget.#');
  await model.close();
});

afterAll(async () => {
  await bus?.close();
  const admin = await brokerAdmin();
  await admin.cleanup([queue], exchange);
  await db?.drop();
});

async function rows() {
  const res = await db.db.execute<{ aggregate_id: string; published: boolean; publish_attempts: number; last_publish_error: string | null }>(
    sql`SELECT aggregate_id, published_at IS NOT NULL AS published, publish_attempts, last_publish_error FROM pipeline_test.outbox ORDER BY id`,
  );
  return res.rows;
}

describe('relay pipelining over AMQP', () => {
  it('stamps only the confirmed prefix when the broker nacks mid-batch, and delivers the rest later in order', async () => {
    for (let i = 1; i <= 6; i++) {
      await db.db.transaction((tx) => outbox.stage(tx, { eventType: 'widget.made', aggregateType: 'widget', aggregateId: `P-${i}`, payload: { i } }));
    }
    const relay = createRelay({ database: db, schema: SCHEMA, publisher: bus, logger: createLogger('relay', 'silent') });
    expect(await relay.drainOnce()).toBe(3);
    const after = await rows();
    expect(after.map((r) => [r.aggregate_id, r.published])).toEqual([
      ['P-1', true],
      ['P-2', true],
      ['P-3', true],
      ['P-4', false],
      ['P-5', false],
      ['P-6', false],
    ]);
    expect(after[3]!.last_publish_error).toMatch(/nack|reject/i);
    expect(after[4]!.publish_attempts).toBe(0);

    const admin = await brokerAdmin();
    const first = await admin.drain(queue);
    expect(first.map((m) => JSON.parse(m.content.toString()).aggregateId)).toEqual(['P-1', 'P-2', 'P-3']);
    expect(await relay.drainOnce()).toBe(3);
    const second = await admin.drain(queue);
    expect(second.map((m) => JSON.parse(m.content.toString()).aggregateId)).toEqual(['P-4', 'P-5', 'P-6']);
    expect((await rows()).every((r) => r.published)).toBe(true);
    await admin.close();
  });

  it('pipelines batches two deep in drain(): a nack stops stamping there and in the batch behind it; the rest follows in order', async () => {
    await db.db.execute(sql`TRUNCATE pipeline_test.outbox`);
    for (let i = 1; i <= 7; i++) {
      await db.db.transaction((tx) => outbox.stage(tx, { eventType: 'widget.made', aggregateType: 'widget', aggregateId: `Q-${i}`, payload: { i } }));
    }
    const relay = createRelay({ database: db, schema: SCHEMA, publisher: bus, logger: createLogger('relay', 'silent'), batchSize: 2 });
    // Q-1..Q-3 fit the queue; Q-4 is nacked, so batch stamps Q-3 and the batch behind it nothing.
    expect(await relay.drain()).toBe(3);
    expect((await rows()).map((r) => r.published)).toEqual([true, true, true, false, false, false, false]);
    const admin = await brokerAdmin();
    expect((await admin.drain(queue)).map((m) => JSON.parse(m.content.toString()).aggregateId)).toEqual(['Q-1', 'Q-2', 'Q-3']);
    expect(await relay.drain()).toBe(3);
    expect((await admin.drain(queue)).map((m) => JSON.parse(m.content.toString()).aggregateId)).toEqual(['Q-4', 'Q-5', 'Q-6']);
    expect(await relay.drain()).toBe(1);
    expect((await admin.drain(queue)).map((m) => JSON.parse(m.content.toString()).aggregateId)).toEqual(['Q-7']);
    expect((await rows()).every((r) => r.published)).toBe(true);
    await admin.close();
  });
});
