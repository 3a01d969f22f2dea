// Helpers for the events integration tests: bounded polling, a stoppable TCP proxy in front of RabbitMQ,
// unique broker names with cleanup, envelopes, and a test database with an outbox/inbox schema.
import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { EventEnvelope } from '@bss/contracts';
import { migrate } from '@bss/db';
import { createTestDatabase, MIGRATIONS_DIR, type TestDatabase } from '@bss/testing';
import { createLogger, type Logger } from '@bss/telemetry';
import { connect } from 'amqplib';
import { DEFAULT_RETRY_DELAYS_MS, parkedQueueOf, retryQueueOf, unroutedOf } from '../src/index.ts';

/** The broker the tests use (vitest global setup defaults it to the local RabbitMQ). */
export const MQ_URL = process.env.BSS_MQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** Polls `fn` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(fn: () => T | Promise<T>, what: string, timeoutMs = 5000, intervalMs = 20): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await sleep(intervalMs);
  }
}

/** A logger whose JSON lines a test can inspect (the bus logs duplicates, reconnects, parking, unrouted events). */
export function capturingLogger(name: string): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger(name, 'debug', stream), lines };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A unique lowercase suffix for exchange/queue/schema names. */
export const hex = (bytes = 4) => randomBytes(bytes).toString('hex');

/** A valid envelope with fresh ids; override any field. */
export function envelope(overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    eventId: randomUUID(),
    eventType: 'widget.created',
    aggregateType: 'widget',
    aggregateId: `W-${hex()}`,
    occurredAt: '2026-06-01T00:00:00.000Z',
    actor: 'tester',
    channel: 'system',
    tenant: 'DEFAULT',
    serviceIdentity: 'default',
    requestId: null,
    traceId: null,
    schemaVersion: 1,
    payload: {},
    ...overrides,
  };
}

/** A fresh test database with `schema` holding the platform tables (outbox, inbox). */
export async function databaseWithSchema(schema: string): Promise<TestDatabase> {
  const db = await createTestDatabase();
  await migrate({ url: db.url, dir: MIGRATIONS_DIR, schemas: [schema], seed: false });
  return db;
}

export { startTcpProxy, type TcpProxy } from '@bss/testing';

/** Direct broker access for assertions and cleanup: read a queue, publish raw bytes, delete what a test made. */
export async function brokerAdmin() {
  const model = await connect(MQ_URL);
  model.on('error', () => {});
  const ch = await model.createConfirmChannel();
  ch.on('error', () => {});
  return {
    /** Takes every message currently in `queue` (acked). */
    async drain(queue: string) {
      const out = [];
      for (;;) {
        const msg = await ch.get(queue, { noAck: true });
        if (!msg) return out;
        out.push(msg);
      }
    },
    async count(queue: string) {
      return (await ch.checkQueue(queue)).messageCount;
    },
    async publishRaw(exchange: string, routingKey: string, body: Buffer, options: Record<string, unknown> = {}) {
      ch.publish(exchange, routingKey, body, options);
      await ch.waitForConfirms();
    },
    async close() {
      await model.close().catch(() => {});
    },
    /** Deletes each queue with its retry tiers (default ones + `delays`) and parked queue, then the exchange and its unrouted pair. */
    async cleanup(queues: string[], exchange: string, delays: number[] = []) {
      const tiers = [...new Set([...DEFAULT_RETRY_DELAYS_MS, ...delays])];
      for (const q of queues) {
        for (const name of [q, parkedQueueOf(q), ...tiers.map((d) => retryQueueOf(q, d))]) await ch.deleteQueue(name).catch(() => {});
      }
      await ch.deleteExchange(exchange).catch(() => {});
      await ch.deleteQueue(unroutedOf(exchange)).catch(() => {});
      await ch.deleteExchange(unroutedOf(exchange)).catch(() => {});
      await model.close().catch(() => {});
    },
  };
}
