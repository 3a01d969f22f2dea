// Shared test wiring: the provisioning app on a real test database, a zero-duration runner, a scripted random
// source and `provisioning.task.created` envelopes as SOM stages them.
import { randomUUID } from 'node:crypto';
import { provisioning, type EventEnvelope } from '@bss/contracts';
import type { App } from '@bss/server-kit';
import { authHeaders, testPlatform, type TestDatabase, type TestPlatform } from '@bss/testing';
import { buildApp } from '../src/app.ts';
import { extraEnv } from '../src/config.ts';
import { taskCreatedConsumer } from '../src/consumers/task-created.consumer.ts';
import { createDeps, type ProvisioningDeps } from '../src/deps.ts';
import { createTaskRunner } from '../src/services/task-runner.service.ts';

export const NOW = '2026-06-01T00:00:00Z';
export const TASKS = '/provisioning-api/v1/task';
export const FAULTS = '/provisioning-api/v1/fault-injection';

/** A random source the test controls: `next` values are handed out first, then `fallback`. */
export function scriptedRandom(fallback = 0.99) {
  const next: number[] = [];
  const draw = () => next.shift() ?? fallback;
  return Object.assign(draw, { next });
}

export interface TestApp {
  app: App;
  platform: TestPlatform;
  deps: ProvisioningDeps;
  random: ReturnType<typeof scriptedRandom>;
  /** Every simulated wait the runner asked for (ms). */
  sleeps: number[];
  runner: ReturnType<typeof createTaskRunner>;
  consumer: ReturnType<typeof taskCreatedConsumer>;
}

export async function buildTestApp(db: TestDatabase, env: Record<string, string> = {}): Promise<TestApp> {
  const platform = testPlatform('provisioning-sim', db, {
    now: NOW,
    extraEnv,
    outboxSchema: 'provisioning',
    env: { BSS_PROVISIONING_TASK_DURATION_MS: '0', ...env },
  });
  const random = scriptedRandom();
  const sleeps: number[] = [];
  const deps = createDeps(platform, {
    random,
    sleep: async (ms) => void sleeps.push(ms),
  });
  const app = await buildApp(deps);
  await app.ready();
  return { app, platform: platform as TestPlatform, deps, random, sleeps, runner: createTaskRunner(deps), consumer: taskCreatedConsumer(deps) };
}

let seq = 0;
/** A service order's identity; every event of one order shares it. */
export function serviceOrder(n = ++seq) {
  const tag = `${process.pid}-${n}-${randomUUID().slice(0, 8)}`;
  return { serviceOrderId: `SO-${tag}`, orderId: `ORD-${tag}`, customerId: `CUST-${tag}`, serviceId: `SVC-${tag}` };
}

/** A `provisioning.task.created` envelope as SOM stages it. */
export function taskCreated(so: ReturnType<typeof serviceOrder>, taskType: provisioning.TaskType, over: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    eventId: randomUUID(),
    eventType: 'provisioning.task.created',
    aggregateType: 'provisioning_task',
    aggregateId: `${so.serviceOrderId}:${taskType}`,
    occurredAt: NOW,
    actor: 'system',
    channel: 'system',
    tenant: 'DEFAULT',
    serviceIdentity: 'system',
    requestId: null,
    traceId: null,
    schemaVersion: 1,
    correlationId: so.orderId,
    causationId: null,
    payload: { ...so, taskType, offeringId: 'PLAN_M', msisdn: '6590000001', iccid: '8965000000000000001', imsi: '525010000000001' },
    ...over,
  };
}

/** The four task requests of one service order. */
export const allTasksOf = (so: ReturnType<typeof serviceOrder>) => provisioning.TaskType.options.map((t) => taskCreated(so, t));

/** Thin inject helpers (the operator identity). */
export function http(app: App) {
  const json = { 'content-type': 'application/json', ...authHeaders() };
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers: authHeaders() }),
    post: (url: string, payload?: unknown) =>
      app.inject({ method: 'POST', url, ...(payload === undefined ? { headers: authHeaders() } : { payload: payload as object, headers: json }) }),
    patch: (url: string, payload: unknown) => app.inject({ method: 'PATCH', url, payload: payload as object, headers: json }),
    del: (url: string) => app.inject({ method: 'DELETE', url, headers: authHeaders() }),
  };
}

export interface OutboxRow {
  event_type: string;
  aggregate_id: string;
  correlation_id: string | null;
  tenant_id: string;
  payload: Record<string, unknown>;
}

/** Outbox rows, oldest first; optionally only of `eventType`s. */
export async function outbox(db: TestDatabase, ...eventTypes: string[]): Promise<OutboxRow[]> {
  const res = eventTypes.length
    ? await db.pool.query('SELECT event_type, aggregate_id, correlation_id, tenant_id, payload FROM provisioning.outbox WHERE event_type = ANY($1) ORDER BY id', [eventTypes])
    : await db.pool.query('SELECT event_type, aggregate_id, correlation_id, tenant_id, payload FROM provisioning.outbox ORDER BY id');
  return res.rows;
}

/** Creates a fault rule through the API and returns it. */
export async function createFault(app: App, body: Record<string, unknown>): Promise<{ id: string } & Record<string, unknown>> {
  const res = await http(app).post(FAULTS, body);
  if (res.statusCode !== 201) throw new Error(`fault rule create failed: ${res.statusCode} ${res.body}`);
  return res.json();
}
