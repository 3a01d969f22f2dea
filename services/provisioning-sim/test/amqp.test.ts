// Over real RabbitMQ: the service started by the runtime (relay, consumer, runner) on this run's own exchange
// and queue prefix. SOM's request published twice (a broker redelivery) → one task, and the runner's result
// comes back through the relay as `provisioning.task.completed`.
import { randomBytes } from 'node:crypto';
import { CONSUMER_QUEUES, type EventEnvelope } from '@bss/contracts';
import { loadModuleConfig, startService, type RunningService } from '@bss/server-kit';
import { createTestDatabase, testEnv, type TestDatabase } from '@bss/testing';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../src/service.ts';
import { serviceOrder, taskCreated } from './helpers.ts';

const EXCHANGE = `bss.prov.${randomBytes(4).toString('hex')}`;
const mqUrl = process.env.BSS_MQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
let db: TestDatabase;
let running: RunningService;
let mq: amqp.ChannelModel;
let ch: amqp.Channel;
const received: EventEnvelope[] = [];

async function waitFor<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  mq = await amqp.connect(mqUrl);
  ch = await mq.createChannel();
  await ch.assertExchange(EXCHANGE, 'topic', { durable: true, alternateExchange: `${EXCHANGE}.unrouted` });
  const { queue } = await ch.assertQueue('', { exclusive: true, autoDelete: true });
  await ch.bindQueue(queue, EXCHANGE, 'provisioning.#');
  await ch.consume(queue, (msg) => msg && received.push(JSON.parse(msg.content.toString()) as EventEnvelope), { noAck: true });
  const env = testEnv({
    BSS_DB_URL: db.url,
    BSS_MQ_URL: mqUrl,
    BSS_MQ_EXCHANGE: EXCHANGE,
    BSS_MQ_QUEUE_PREFIX: `${EXCHANGE}.`,
    BSS_PROVISIONING_PORT: String(22000 + Math.floor(Math.random() * 9000)),
    BSS_PROVISIONING_TASK_DURATION_MS: '0',
  });
  running = await startService(service, loadModuleConfig(service, env));
});

afterAll(async () => {
  await running?.stop();
  for (const { queue } of CONSUMER_QUEUES) {
    for (const suffix of ['', '.parked', '.retry.1s', '.retry.5s', '.retry.30s', '.retry.2m', '.retry.5m']) await ch?.deleteQueue(`${EXCHANGE}.${queue}${suffix}`).catch(() => {});
  }
  await ch?.deleteExchange(EXCHANGE).catch(() => {});
  await ch?.deleteQueue(`${EXCHANGE}.unrouted`).catch(() => {});
  await ch?.deleteExchange(`${EXCHANGE}.unrouted`).catch(() => {});
  await mq?.close();
  await db?.drop();
});

describe('provisioning-sim over RabbitMQ', () => {
  it('a request delivered twice makes one task, run by the runner, completed through the relay', async () => {
    const so = serviceOrder();
    const request = taskCreated(so, 'HLR_PROVISION');
    const publish = () =>
      ch.publish(EXCHANGE, request.eventType, Buffer.from(JSON.stringify(request)), { messageId: request.eventId, contentType: 'application/json', persistent: true });
    publish();
    publish();
    const completed = await waitFor('provisioning.task.completed', () =>
      received.find((e) => e.eventType === 'provisioning.task.completed' && e.payload.serviceOrderId === so.serviceOrderId),
    );
    expect(completed.payload).toMatchObject({ orderId: so.orderId, taskType: 'HLR_PROVISION', attempts: 1 });
    expect(completed.correlationId).toBe(so.orderId);
    expect(completed.causationId).toBe(request.eventId);
    expect(completed.actor).toBe('provisioning-sim.runner');
    // Both copies were handled (the second as an inbox duplicate) and only one task exists.
    await waitFor('the duplicate to be consumed', async () => {
      const depth = (await ch.checkQueue(`${EXCHANGE}.provisioning-sim.task.created`)).messageCount;
      return depth === 0 ? true : undefined;
    });
    const tasks = await db.pool.query('SELECT id FROM provisioning.task WHERE service_order_id = $1', [so.serviceOrderId]);
    expect(tasks.rowCount).toBe(1);
    expect(received.filter((e) => e.eventType === 'provisioning.task.completed' && e.payload.serviceOrderId === so.serviceOrderId)).toHaveLength(1);
  });
});
