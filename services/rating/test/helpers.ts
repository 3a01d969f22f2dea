// Shared test wiring: a real catalog (started by the fleet launcher on the test database, over real HTTP) and a
// rating app whose catalog client points at it. The catalog's own broker traffic goes to a throwaway exchange.
import { randomBytes } from 'node:crypto';
import { createCatalogClient } from '@bss/clients';
import { CONSUMER_QUEUES, type EventEnvelope, type EventPayload } from '@bss/contracts';
import { startFleet, type Fleet } from '@bss/fleet';
import type { App } from '@bss/server-kit';
import { TEST_TOKEN, testPlatform, type TestDatabase, type TestPlatform } from '@bss/testing';
import amqp from 'amqplib';
import { buildApp } from '../src/app.ts';
import { createDeps, type RatingDeps } from '../src/deps.ts';

export const NOW = '2026-06-01T00:00:00Z';
const MQ_URL = process.env.BSS_MQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** Deletes the queues and exchanges a fleet declared under `exchange` (its queue prefix is `${exchange}.`). */
export async function cleanUpBroker(exchange: string): Promise<void> {
  const mq = await amqp.connect(MQ_URL);
  const ch = await mq.createChannel();
  for (const { queue } of CONSUMER_QUEUES) {
    for (const suffix of ['', '.parked', '.retry.1s', '.retry.5s', '.retry.30s', '.retry.2m', '.retry.5m']) await ch.deleteQueue(`${exchange}.${queue}${suffix}`).catch(() => {});
  }
  await ch.deleteExchange(exchange).catch(() => {});
  await ch.deleteQueue(`${exchange}.unrouted`).catch(() => {});
  await ch.deleteExchange(`${exchange}.unrouted`).catch(() => {});
  await mq.close();
}

/** Starts the real catalog on `db` (seeded PLAN_S/M/L) on a random port. */
export async function startCatalog(db: TestDatabase): Promise<{ fleet: Fleet; url: string; stop(): Promise<void> }> {
  const exchange = `bss.rating-test.${randomBytes(4).toString('hex')}`;
  const port = 23000 + Math.floor(Math.random() * 5000);
  const fleet = await startFleet(
    {
      BSS_DB_URL: db.url,
      BSS_MQ_URL: MQ_URL,
      BSS_MQ_EXCHANGE: exchange,
      BSS_MQ_QUEUE_PREFIX: `${exchange}.`,
      BSS_API_TOKEN: TEST_TOKEN,
      BSS_LOG_LEVEL: 'silent',
      BSS_CATALOG_PORT: String(port),
    },
    ['catalog'],
  );
  return {
    fleet,
    url: fleet.url('catalog'),
    stop: async () => {
      await fleet.stop();
      await cleanUpBroker(exchange);
    },
  };
}

export interface TestApp {
  app: App;
  platform: TestPlatform;
  deps: RatingDeps;
}

/** A rating app on `db` reading offerings from the catalog at `catalogUrl`. */
export async function buildTestApp(db: TestDatabase, catalogUrl: string): Promise<TestApp> {
  const platform = testPlatform('rating', db, { now: NOW, env: { BSS_CATALOG_URL: catalogUrl } });
  const deps = createDeps(platform);
  const app = await buildApp(deps);
  await app.ready();
  return { app, platform: platform as TestPlatform, deps };
}

/** An operator catalog client (adds test offerings). */
export const catalogAdmin = (url: string) => createCatalogClient({ baseUrl: url, token: TEST_TOKEN, actor: 'rating-tester', channel: 'cli' });

/** A `usage.recorded` envelope as mediation's relay would deliver it. */
export function recordedEvent(usage: Partial<EventPayload<'usage.recorded'>> & { usageEventId: string }): EventEnvelope {
  const payload: EventPayload<'usage.recorded'> = {
    subscriptionId: 'SUB-1',
    customerId: 'CUST-1',
    msisdn: '6590000001',
    eventType: 'data',
    eventTime: '2026-05-31T10:00:00.000Z',
    quantity: 100,
    unit: 'mb',
    roaming: false,
    offeringId: 'PLAN_M',
    source: 'test',
    externalId: null,
    ...usage,
  };
  return {
    eventId: crypto.randomUUID(),
    eventType: 'usage.recorded',
    aggregateType: 'usage',
    aggregateId: payload.usageEventId,
    occurredAt: '2026-05-31T10:00:01.000Z',
    actor: 'simulator',
    channel: 'network',
    tenant: 'DEFAULT',
    serviceIdentity: 'system',
    requestId: null,
    traceId: null,
    schemaVersion: 1,
    correlationId: payload.usageEventId,
    causationId: null,
    payload,
  };
}

/** Rating's staged outcomes (usage.rated and usage.rating_rejected), oldest first. */
export async function outcomes(db: TestDatabase): Promise<{ event_type: string; aggregate_id: string; correlation_id: string | null; payload: Record<string, unknown> }[]> {
  const res = await db.pool.query("SELECT event_type, aggregate_id, correlation_id, payload FROM rating.outbox WHERE event_type IN ('usage.rated', 'usage.rating_rejected') ORDER BY id");
  return res.rows;
}
