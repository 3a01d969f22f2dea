// Shared wiring of SOM's tests: a real CRM (inventory) started by the fleet launcher on the test database, a SOM
// app on the same database with a test platform, envelopes for the events SOM consumes, and outbox readers.
import { randomBytes, randomUUID } from 'node:crypto';
import { createInventoryClient } from '@bss/clients';
import { CONSUMER_QUEUES, mintId, type EventEnvelope, type EventPayload, type EventType } from '@bss/contracts';
import { handleOnce } from '@bss/events';
import { startFleet, type Fleet } from '@bss/fleet';
import type { App } from '@bss/server-kit';
import { TEST_TOKEN, testPlatform, type TestDatabase, type TestPlatform } from '@bss/testing';
import amqp from 'amqplib';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { somHandlers } from '../src/consumers.ts';
import { createDeps, type SomDeps } from '../src/deps.ts';

export const NOW = '2026-06-01T00:00:00Z';
export const MQ_URL = process.env.BSS_MQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** The env every fleet of these tests starts with (its own exchange and queue prefix). */
export function fleetEnv(db: TestDatabase, exchange: string, ports: Partial<Record<'crm' | 'som', number>>): Record<string, string> {
  return {
    BSS_DB_URL: db.url,
    BSS_MQ_URL: MQ_URL,
    BSS_MQ_EXCHANGE: exchange,
    BSS_MQ_QUEUE_PREFIX: `${exchange}.`,
    // the same operator token as the test platform, so SOM's derived system token is the one CRM accepts
    BSS_API_TOKEN: TEST_TOKEN,
    BSS_KYC_SIGNING_SECRET: randomBytes(24).toString('hex'),
    BSS_KYC_DOCUMENT_PEPPER: randomBytes(24).toString('hex'),
    BSS_LOG_LEVEL: 'silent',
    ...(ports.crm ? { BSS_CRM_PORT: String(ports.crm), BSS_CRM_URL: `http://127.0.0.1:${ports.crm}` } : {}),
    ...(ports.som ? { BSS_SOM_PORT: String(ports.som), BSS_SOM_URL: `http://127.0.0.1:${ports.som}` } : {}),
  };
}

export const randomPort = () => 23000 + Math.floor(Math.random() * 4000) * 2;

/** Deletes what a fleet declared on `exchange` (its prefixed queues, retry and parked queues). */
export async function cleanBroker(exchange: string): Promise<void> {
  const conn = await amqp.connect(MQ_URL);
  const ch = await conn.createChannel();
  for (const { queue } of CONSUMER_QUEUES) {
    for (const suffix of ['', '.parked', '.retry.1s', '.retry.5s', '.retry.30s', '.retry.2m', '.retry.5m']) await ch.deleteQueue(`${exchange}.${queue}${suffix}`).catch(() => {});
  }
  await ch.deleteExchange(exchange).catch(() => {});
  await ch.deleteQueue(`${exchange}.unrouted`).catch(() => {});
  await ch.deleteExchange(`${exchange}.unrouted`).catch(() => {});
  await conn.close();
}

export interface SomHarness {
  fleet: Fleet;
  exchange: string;
  app: App;
  platform: TestPlatform;
  deps: SomDeps;
  handlers: ReturnType<typeof somHandlers>;
  inventory: ReturnType<typeof createInventoryClient>;
  stop(): Promise<void>;
}

/** CRM started by the fleet on `db`, SOM's app and handlers on a test platform pointing at it. */
export async function startHarness(db: TestDatabase): Promise<SomHarness> {
  const exchange = `bss.som-t.${randomBytes(4).toString('hex')}`;
  const crmPort = randomPort();
  const fleet = await startFleet(fleetEnv(db, exchange, { crm: crmPort }), ['crm']);
  const platform = testPlatform('som', db, { now: NOW, outboxSchema: 'service_inventory', env: { BSS_CRM_URL: fleet.url('crm') } });
  const deps = createDeps(platform);
  const app = await buildApp(deps);
  await app.ready();
  const inventory = createInventoryClient({ baseUrl: fleet.url('crm'), token: TEST_TOKEN });
  return {
    fleet,
    exchange,
    app,
    platform: platform as TestPlatform,
    deps,
    handlers: somHandlers(deps),
    inventory,
    async stop() {
      await app.close();
      await fleet.stop();
      await cleanBroker(exchange);
    },
  };
}

/** An envelope of a catalogued event as its producer would stage it (correlation = the order id). */
export function envelopeOf<T extends EventType>(eventType: T, payload: EventPayload<T>, aggregateId: string, correlationId: string): EventEnvelope {
  return {
    eventId: randomUUID(),
    eventType,
    aggregateType: eventType.split('.')[0]!,
    aggregateId,
    occurredAt: NOW,
    actor: 'tester',
    channel: 'system',
    tenant: 'DEFAULT',
    serviceIdentity: 'system',
    requestId: null,
    traceId: null,
    schemaVersion: 1,
    correlationId,
    causationId: null,
    payload: payload as Record<string, unknown>,
  };
}

/** A fresh `order.in_progress` for a new order (any preference). */
export function orderInProgress(overrides: Partial<EventPayload<'order.in_progress'>> = {}): EventEnvelope {
  const orderId = overrides.orderId ?? mintId('ORD');
  const payload: EventPayload<'order.in_progress'> = {
    orderId,
    customerId: 'CUST-SOMTEST0001',
    offeringId: 'PLAN_M',
    msisdnPreference: null,
    paymentMethodId: 'PM-0001',
    priceSnapshot: { priceId: 'PRICE_PLAN_M', amount: '25.00', currency: 'SGD' },
    ...overrides,
  };
  return envelopeOf('order.in_progress', payload, orderId, orderId);
}

/** Delivers `event` to the SOM consumer of `queue` through the real inbox and transaction path. */
export function deliver(h: SomHarness, queue: keyof ReturnType<typeof somHandlers>, event: EventEnvelope) {
  return handleOnce(h.platform.database, 'service_inventory', queue, event, h.handlers[queue]);
}

/** The task events provisioning would publish for a service order's task. */
export function taskEvent<T extends 'provisioning.task.completed' | 'provisioning.task.failed' | 'provisioning.task.stuck'>(
  eventType: T,
  so: { serviceOrderId: string; orderId: string; serviceId: string },
  taskType: EventPayload<'provisioning.task.created'>['taskType'],
  extra: Omit<EventPayload<T>, 'taskId' | 'serviceOrderId' | 'orderId' | 'serviceId' | 'taskType' | 'attempts' | 'maxAttempts'>,
): EventEnvelope {
  const taskId = `PTK-${so.serviceOrderId.slice(3, 11)}${taskType.slice(0, 3)}`;
  const payload = { taskId, ...so, taskType, attempts: 1, maxAttempts: 3, ...extra } as unknown as EventPayload<T>;
  return envelopeOf(eventType, payload, taskId, so.orderId);
}

export interface StagedEvent {
  eventType: string;
  aggregateId: string;
  correlationId: string | null;
  payload: Record<string, unknown>;
}

/** Events SOM staged for one order (by correlation id), in staging order. */
export async function stagedFor(h: SomHarness, orderId: string): Promise<StagedEvent[]> {
  const result = await h.platform.database.db.execute(sql`
    SELECT event_type AS "eventType", aggregate_id AS "aggregateId", correlation_id AS "correlationId", payload
    FROM service_inventory.outbox WHERE correlation_id = ${orderId} ORDER BY id`);
  return result.rows as unknown as StagedEvent[];
}
