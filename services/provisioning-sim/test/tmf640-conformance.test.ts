// TMF640 Service Activation and Configuration: every task state seen through `service` and `monitor`, each
// response strictly valid against the official Service / Monitor; writes are not served (405 with Allow).
import { deliverShuffled } from '@bss/events';
import { createTestDatabase, diffAgainstSpec, loadTmfValidator, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK_CREATED_QUEUE } from '../src/consumers/task-created.consumer.ts';
import { buildTestApp, createFault, FAULTS, http, serviceOrder, taskCreated, TASKS, type TestApp } from './helpers.ts';

const tmf = loadTmfValidator('TMF640-ServiceActivationConfiguration-v4.swagger.json');
const BASE = '/tmf-api/ServiceActivationAndConfiguration/v4';
let db: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof http>;
const ids: Record<string, string> = {};

async function runTask(state: string, fault?: Record<string, unknown>) {
  const rule = fault ? await createFault(t.app, fault) : undefined;
  const so = serviceOrder();
  await deliverShuffled({ database: db, inboxSchema: 'provisioning', consumer: TASK_CREATED_QUEUE, handler: t.consumer.handler, events: [taskCreated(so, 'HLR_PROVISION')], seed: 1 });
  if (state !== 'pending') await t.runner.runPending();
  if (rule) await api.del(`${FAULTS}/${rule.id}`);
  ids[state] = (await api.get(`${TASKS}?serviceOrderId=${so.serviceOrderId}`)).json()[0].id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db);
  api = http(t.app);
  await runTask('completed');
  await runTask('failedPermanent', { mode: 'fail_always' });
  await runTask('failedRetryable', { mode: 'fail_always', permanent: false });
  await runTask('stuck', { mode: 'stuck' });
  await runTask('abandoned', { mode: 'stuck' });
  await api.post(`${TASKS}/${ids.abandoned}/abandon`, { note: 'gave up' });
  await runTask('pending');
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

const expected: Record<string, [service: string, monitor: string]> = {
  completed: ['active', 'Completed'],
  failedPermanent: ['inactive', 'InError'],
  failedRetryable: ['reserved', 'InError'],
  stuck: ['reserved', 'InError'],
  abandoned: ['inactive', 'InError'],
  pending: ['reserved', 'InProgress'],
};

describe('TMF640 service and monitor', () => {
  it('maps every task state and each body is a strictly valid Service / Monitor', async () => {
    for (const [label, [serviceState, monitorState]] of Object.entries(expected)) {
      const service = await api.get(`${BASE}/service/${ids[label]}`);
      expect(service.statusCode, label).toBe(200);
      tmf.assert('Service', service.json());
      expect(service.json().state, label).toBe(serviceState);
      expect(service.json().href).toBe(`http://localhost:8010${BASE}/service/${ids[label]}`);
      const monitor = await api.get(`${BASE}/monitor/${ids[label]}`);
      tmf.assert('Monitor', monitor.json());
      expect(monitor.json().state, label).toBe(monitorState);
      expect(monitor.json().sourceHref).toBe(service.json().href);
      expect('response' in monitor.json(), label).toBe(monitorState !== 'InProgress');
    }
    const abandoned = (await api.get(`${BASE}/service/${ids.abandoned}`)).json();
    expect(abandoned).toMatchObject({ hasStarted: true, isServiceEnabled: false, note: [{ text: 'gave up' }] });
  });

  it('lists with paging headers and a fields projection; every item valid', async () => {
    const list = await api.get(`${BASE}/service?limit=3`);
    expect(list.headers['x-total-count']).toBe('6');
    expect(list.json()).toHaveLength(3);
    for (const s of list.json()) tmf.assert('Service', s);
    const slim = await api.get(`${BASE}/monitor?fields=state`);
    for (const m of slim.json()) {
      expect(Object.keys(m).sort()).toEqual(['@type', 'href', 'id', 'state']);
      tmf.assert('Monitor', m);
    }
    const one = await api.get(`${BASE}/service/${ids.completed}?fields=state,serviceCharacteristic`);
    expect(Object.keys(one.json()).sort()).toEqual(['@type', 'href', 'id', 'serviceCharacteristic', 'state']);
  });

  it('an unknown id is 404; activation requests come from SOM only (405 with Allow)', async () => {
    const missing = await api.get(`${BASE}/service/PTK-nope`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().reason).toBe('provisioning_task.not_found');
    const post = await api.post(`${BASE}/service`, { state: 'active', serviceSpecification: { id: 'HLR_PROVISION' } });
    expect(post.statusCode).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect((await api.patch(`${BASE}/service/${ids.completed}`, { state: 'terminated' })).statusCode).toBe(405);
    expect((await api.del(`${BASE}/service/${ids.completed}`)).statusCode).toBe(405);
  });

  it('documents every read operation as the specification does; only the deliberate write gaps differ', () => {
    const problems = diffAgainstSpec(t.app.swagger(), 'TMF640-ServiceActivationConfiguration-v4.swagger.json', { resources: ['service', 'monitor'] });
    expect(problems).toEqual([
      `POST ${BASE}/service: operation missing`,
      `PATCH ${BASE}/service/{id}: operation missing`,
      `DELETE ${BASE}/service/{id}: operation missing`,
    ]);
  });
});
