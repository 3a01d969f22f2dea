// Usage end to end over real parts: catalog, mediation and rating started by the fleet launcher on one test
// database, real HTTP (mediation → subscription stand-in, rating → catalog) and real RabbitMQ between them: a
// POSTed usage record leaves mediation's outbox as usage.recorded, rating consumes it from its queue and its
// relay publishes usage.rated on the exchange. The subscription service is built in parallel and not in this
// branch: a tiny HTTP stand-in answers its by-msisdn route (the coordinator wires the real one).
import { randomBytes } from 'node:crypto';
import { createMediationClient, createRatingClient } from '@bss/clients';
import { CONSUMER_QUEUES, type EventEnvelope } from '@bss/contracts';
import { startFleet, type Fleet } from '@bss/fleet';
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { line } from '../../services/mediation/test/helpers.ts';
import { startSubscriptionStandIn, type SubscriptionStandIn } from '../../services/mediation/test/subscription-stand-in.ts';

const TOKEN = randomBytes(24).toString('hex');
const EXCHANGE = `bss.e2e-usage.${randomBytes(4).toString('hex')}`;
const basePort = 25000 + Math.floor(Math.random() * 1000) * 10;
const ports = { catalog: basePort + 1, mediation: basePort + 7, rating: basePort + 8 };

let db: TestDatabase;
let fleet: Fleet;
let standIn: SubscriptionStandIn;
let mq: amqp.ChannelModel;
const received: EventEnvelope[] = [];

async function waitFor<T>(what: string, fn: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const value = fn();
    if (value !== undefined) return value;
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  standIn = await startSubscriptionStandIn([line('6593000001', { offeringId: 'PLAN_M' })]);
  const mqUrl = process.env.BSS_MQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
  mq = await amqp.connect(mqUrl);
  const ch = await mq.createChannel();
  await ch.assertExchange(EXCHANGE, 'topic', { durable: true, alternateExchange: `${EXCHANGE}.unrouted` });
  const { queue } = await ch.assertQueue('', { exclusive: true, autoDelete: true });
  await ch.bindQueue(queue, EXCHANGE, 'usage.#');
  await ch.consume(queue, (msg) => msg && received.push(JSON.parse(msg.content.toString()) as EventEnvelope), { noAck: true });
  fleet = await startFleet(
    {
      BSS_DB_URL: db.url,
      BSS_MQ_URL: mqUrl,
      BSS_MQ_EXCHANGE: EXCHANGE,
      BSS_MQ_QUEUE_PREFIX: `${EXCHANGE}.`,
      BSS_API_TOKEN: TOKEN,
      BSS_LOG_LEVEL: 'silent',
      BSS_CATALOG_PORT: String(ports.catalog),
      BSS_MEDIATION_PORT: String(ports.mediation),
      BSS_RATING_PORT: String(ports.rating),
      BSS_CATALOG_URL: `http://127.0.0.1:${ports.catalog}`,
      BSS_SUBSCRIPTION_URL: standIn.url,
    },
    ['catalog', 'mediation', 'rating'],
  );
});

afterAll(async () => {
  await fleet?.stop();
  await standIn?.close();
  const ch = await mq?.createChannel();
  for (const { queue } of CONSUMER_QUEUES) {
    for (const suffix of ['', '.parked', '.retry.1s', '.retry.5s', '.retry.30s', '.retry.2m', '.retry.5m']) await ch?.deleteQueue(`${EXCHANGE}.${queue}${suffix}`).catch(() => {});
  }
  await ch?.deleteExchange(EXCHANGE).catch(() => {});
  await ch?.deleteQueue(`${EXCHANGE}.unrouted`).catch(() => {});
  await ch?.deleteExchange(`${EXCHANGE}.unrouted`).catch(() => {});
  await mq?.close();
  await db?.drop();
});

const opts = (name: 'mediation' | 'rating') => ({ baseUrl: fleet.url(name), token: TOKEN, actor: 'e2e-tester', channel: 'cli' });

describe('usage over the event plane', () => {
  it('turns a POSTed usage record into usage.rated on the exchange, once, in the record’s business flow', async () => {
    const mediation = createMediationClient(opts('mediation'));
    const body = { msisdn: '6593000001', eventType: 'data', eventTime: '2026-05-31T10:00:00Z', quantity: 256, unit: 'mb', roaming: true, externalId: `e2e-${randomBytes(4).toString('hex')}` };
    const recorded = await mediation.recordUsage(body);
    // the sender's retry is the same record: stored, rated and published once
    expect((await mediation.recordUsage(body)).id).toBe(recorded.id);

    const rated = await waitFor('usage.rated', () => received.find((e) => e.eventType === 'usage.rated' && e.aggregateId === recorded.id));
    expect(rated.payload).toMatchObject({ usageEventId: recorded.id, subscriptionId: 'SUB-6593000001', allowanceType: 'data_roaming', consumedQuantity: 256, chargeAmount: '0.00', currency: 'SGD' });
    const source = received.find((e) => e.eventType === 'usage.recorded' && e.aggregateId === recorded.id)!;
    expect(rated).toMatchObject({ correlationId: recorded.id, causationId: source.eventId, actor: 'e2e-tester' });
    // once: one stored record, one recorded event, one inbox claim and one rating (the exchange itself is
    // at-least-once, so the outboxes are where "once" is decided)
    const count = async (q: string) => (await db.pool.query(q, [recorded.id])).rows[0].n;
    expect(await count('SELECT count(*)::int AS n FROM mediation.usage WHERE id = $1')).toBe(1);
    expect(await count("SELECT count(*)::int AS n FROM mediation.outbox WHERE event_type = 'usage.recorded' AND aggregate_id = $1")).toBe(1);
    expect(await count("SELECT count(*)::int AS n FROM rating.outbox WHERE event_type = 'usage.rated' AND aggregate_id = $1")).toBe(1);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM rating.inbox WHERE event_id = $1', [source.eventId])).rows[0].n).toBe(1);
    expect((await mediation.listUsage({ msisdn: '6593000001' })).total).toBe(1);
    expect((await mediation.getUsage(recorded.id)).usageCharacteristic).toContainEqual({ name: 'externalId', valueType: 'string', value: body.externalId });
    const rating = createRatingClient(opts('rating'));
    expect((await rating.getTariff('PLAN_M')).currency).toBe('SGD');
    expect(await rating.rateTest({ offeringId: 'PLAN_M', eventType: 'voice', quantity: 2, unit: 'minutes', roaming: true })).toMatchObject({ allowanceType: 'voice', consumedQuantity: 2 });
    // a refusal arrives as the typed error with its rule id
    await expect(mediation.recordUsage({ ...body, externalId: undefined, quantity: 0 })).rejects.toMatchObject({ rule: 'usage.record.positive_quantity' });
  });
});
