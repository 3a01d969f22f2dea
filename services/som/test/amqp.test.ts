// Over real RabbitMQ: crm and som started by the fleet launcher, an `order.in_progress` staged in an outbox and
// published by a relay, consumed by SOM's queue, yields four `provisioning.task.created` on the exchange.
import { randomBytes } from 'node:crypto';
import { eventSpec, type EventEnvelope } from '@bss/contracts';
import { createOutbox } from '@bss/events';
import { startFleet, type Fleet } from '@bss/fleet';
import { ControllableClock } from '@bss/clock';
import { runWithContext, systemContext } from '@bss/telemetry';
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import amqp from 'amqplib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cleanBroker, fleetEnv, MQ_URL, orderInProgress, randomPort } from './support.ts';

const EXCHANGE = `bss.som-mq.${randomBytes(4).toString('hex')}`;
let db: TestDatabase;
let fleet: Fleet;
let mq: amqp.ChannelModel;
const received: EventEnvelope[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  mq = await amqp.connect(MQ_URL);
  const ch = await mq.createChannel();
  await ch.assertExchange(EXCHANGE, 'topic', { durable: true, alternateExchange: `${EXCHANGE}.unrouted` });
  const { queue } = await ch.assertQueue('', { exclusive: true, autoDelete: true });
  await ch.bindQueue(queue, EXCHANGE, '#');
  await ch.consume(queue, (msg) => msg && received.push(JSON.parse(msg.content.toString()) as EventEnvelope), { noAck: true });
  const port = randomPort();
  fleet = await startFleet(fleetEnv(db, EXCHANGE, { crm: port, som: port + 1 }), ['crm', 'som']);
}, 60_000);

afterAll(async () => {
  await fleet?.stop();
  await mq?.close();
  await cleanBroker(EXCHANGE);
  await db?.drop();
});

async function waitFor<T>(what: string, fn: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const value = fn();
    if (value !== undefined) return value;
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('turns a published order.in_progress into four provisioning.task.created', async () => {
  const order = orderInProgress();
  const orderId = order.aggregateId;
  // Stage it as COM's write would (SOM's outbox stands in for COM's: the relay is the same code); SOM's relay
  // publishes it and SOM's consumer takes it off som.order.in_progress.
  const outbox = createOutbox('service_inventory', new ControllableClock(), { catalog: eventSpec });
  const som = fleet.services.find((s) => s.name === 'som')!;
  await runWithContext(systemContext({ correlationId: orderId }), () =>
    som.platform.database.db.transaction((tx) =>
      outbox.stage(tx, { eventType: 'order.in_progress', aggregateType: 'product_order', aggregateId: orderId, correlationId: orderId, payload: order.payload as never }),
    ),
  );
  const tasks = await waitFor('four provisioning.task.created', () => {
    const got = received.filter((e) => e.eventType === 'provisioning.task.created' && e.correlationId === orderId);
    return got.length >= 4 ? got : undefined;
  });
  expect(tasks.map((e) => e.payload.taskType).sort()).toEqual(['ESIM_PROFILE_PREPARE', 'HLR_PROVISION', 'OCS_BALANCE_INIT', 'PCRF_POLICY_PUSH']);
  const inProgress = received.find((e) => e.eventType === 'service_order.in_progress' && e.correlationId === orderId)!;
  expect(inProgress.payload).toMatchObject({ orderId, msisdn: expect.any(String), iccid: expect.any(String) });
  expect(new Set(tasks.map((e) => e.causationId))).toEqual(new Set([tasks[0]!.causationId]));
  // CRM reserved for it over HTTP: its relay published the reservations too
  await waitFor('inventory.msisdn.reserved', () => received.find((e) => e.eventType === 'inventory.msisdn.reserved' && e.aggregateId === inProgress.payload.msisdn));
});
