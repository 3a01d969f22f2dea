// Operator fallout over HTTP: retry, resolve and abandon with every refusal's rule id, and the task reads.
import { deliverShuffled } from '@bss/events';
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TASK_CREATED_QUEUE } from '../src/consumers/task-created.consumer.ts';
import { allTasksOf, buildTestApp, createFault, FAULTS, http, outbox, serviceOrder, taskCreated, TASKS, type TestApp } from './helpers.ts';

let db: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof http>;
beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db);
  api = http(t.app);
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});
beforeEach(async () => {
  await db.pool.query('TRUNCATE provisioning.task, provisioning.fault_rule, provisioning.outbox, provisioning.inbox');
});

type Mode = 'stuck' | 'fail_always' | 'none';
/** One task of a fresh service order, run under `mode` (fail_always retryable unless `permanent`). */
async function taskIn(mode: Mode, permanent = false) {
  const rule = mode === 'none' ? undefined : await createFault(t.app, { mode, ...(mode === 'fail_always' ? { permanent } : {}) });
  const so = serviceOrder();
  await deliverShuffled({ database: db, inboxSchema: 'provisioning', consumer: TASK_CREATED_QUEUE, handler: t.consumer.handler, events: [taskCreated(so, 'HLR_PROVISION')], seed: 2 });
  await t.runner.runPending();
  if (rule) await api.del(`${FAULTS}/${rule.id}`);
  const [task] = (await api.get(`${TASKS}?serviceOrderId=${so.serviceOrderId}`)).json();
  return { task, so };
}

const refused = (res: { statusCode: number; json(): { reason: string } }, status: number, reason: string) => {
  expect(res.statusCode).toBe(status);
  expect(res.json().reason).toBe(reason);
};

describe('operator actions', () => {
  it('an unknown task is 404 provisioning_task.not_found for every action and the read', async () => {
    refused(await api.get(`${TASKS}/PTK-nope`), 404, 'provisioning_task.not_found');
    refused(await api.post(`${TASKS}/PTK-nope/retry`), 404, 'provisioning_task.not_found');
    refused(await api.post(`${TASKS}/PTK-nope/resolve`, { note: 'x' }), 404, 'provisioning_task.not_found');
    refused(await api.post(`${TASKS}/PTK-nope/abandon`, { note: 'x' }), 404, 'provisioning_task.not_found');
  });

  it('retry needs a failed task that is not permanent', async () => {
    const { task: done } = await taskIn('none');
    refused(await api.post(`${TASKS}/${done.id}/retry`), 422, 'provisioning_task.retry.requires_failed_state');
    const { task: permanent } = await taskIn('fail_always', true);
    refused(await api.post(`${TASKS}/${permanent.id}/retry`), 422, 'provisioning_task.retry.permanent_failure');
  });

  it('two concurrent retries of one task: one wins, the other sees it pending', async () => {
    const { task } = await taskIn('fail_always');
    const [a, b] = await Promise.all([api.post(`${TASKS}/${task.id}/retry`), api.post(`${TASKS}/${task.id}/retry`)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 422]);
    expect(await outbox(db, 'provisioning.task.retried')).toHaveLength(1);
  });

  it('resolve needs a note and a stuck task', async () => {
    const { task: stuck } = await taskIn('stuck');
    refused(await api.post(`${TASKS}/${stuck.id}/resolve`, {}), 422, 'provisioning.resolve_stuck.requires_note');
    refused(await api.post(`${TASKS}/${stuck.id}/resolve`, { note: '   ' }), 422, 'provisioning.resolve_stuck.requires_note');
    const { task: failed } = await taskIn('fail_always');
    refused(await api.post(`${TASKS}/${failed.id}/resolve`, { note: 'fixed' }), 422, 'provisioning_task.resolve.requires_stuck_state');
  });

  it('abandon of a stuck task: abandoned, then a permanent failure SOM acts on', async () => {
    const { task, so } = await taskIn('stuck');
    refused(await api.post(`${TASKS}/${task.id}/abandon`, { note: '' }), 422, 'provisioning_task.abandon.requires_note');
    const res = await api.post(`${TASKS}/${task.id}/abandon`, { note: 'SIM vendor outage' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'abandoned', permanent: true, lastError: 'Abandoned by operator: SIM vendor outage' });
    const events = await outbox(db, 'provisioning.task.abandoned', 'provisioning.task.failed');
    expect(events.map((e) => [e.event_type, e.payload.previousState ?? e.payload.permanent])).toEqual([
      ['provisioning.task.abandoned', 'stuck'],
      ['provisioning.task.failed', true],
    ]);
    expect(events[1]!.payload).toMatchObject({ serviceOrderId: so.serviceOrderId, orderId: so.orderId, lastError: 'Abandoned by operator: SIM vendor outage' });
    expect(events.every((e) => e.correlation_id === so.orderId)).toBe(true);
    // Final: nothing more can happen to it.
    refused(await api.post(`${TASKS}/${task.id}/retry`), 422, 'provisioning_task.retry.requires_failed_state');
    refused(await api.post(`${TASKS}/${task.id}/abandon`, { note: 'again' }), 422, 'provisioning_task.abandon.requires_failed_or_stuck_state');
  });

  it('abandon of a retryable failure works; of a permanent one or a completed task it is refused', async () => {
    const { task: retryable } = await taskIn('fail_always');
    expect((await api.post(`${TASKS}/${retryable.id}/abandon`, { note: 'give up' })).json()).toMatchObject({ state: 'abandoned', permanent: true });
    const { task: permanent } = await taskIn('fail_always', true);
    refused(await api.post(`${TASKS}/${permanent.id}/abandon`, { note: 'x' }), 422, 'provisioning_task.abandon.permanent_failure');
    const { task: done } = await taskIn('none');
    refused(await api.post(`${TASKS}/${done.id}/abandon`, { note: 'x' }), 422, 'provisioning_task.abandon.requires_failed_or_stuck_state');
  });
});

describe('task reads', () => {
  it('lists newest first with filters and paging headers', async () => {
    await taskIn('stuck');
    const so = serviceOrder();
    await deliverShuffled({ database: db, inboxSchema: 'provisioning', consumer: TASK_CREATED_QUEUE, handler: t.consumer.handler, events: allTasksOf(so), seed: 3 });
    const all = await api.get(`${TASKS}?limit=2&offset=1`);
    expect(all.statusCode).toBe(200);
    expect(all.headers['x-total-count']).toBe('5');
    expect(all.json()).toHaveLength(2);
    expect((await api.get(`${TASKS}?state=stuck`)).json()).toHaveLength(1);
    expect((await api.get(`${TASKS}?state=pending&serviceOrderId=${so.serviceOrderId}`)).json()).toHaveLength(4);
    const [ocs] = (await api.get(`${TASKS}?taskType=OCS_BALANCE_INIT&serviceId=${so.serviceId}`)).json();
    expect(ocs).toMatchObject({ taskType: 'OCS_BALANCE_INIT', serviceOrderId: so.serviceOrderId, '@type': 'ProvisioningTask', payload: { msisdn: '6590000001' } });
    expect(ocs.href).toBe(`http://localhost:8010/provisioning-api/v1/task/${ocs.id}`);
    expect((await api.get(`${TASKS}/${ocs.id}`)).json()).toEqual(ocs);
  });

  it('refuses bad filters with 400 naming the field', async () => {
    const res = await api.get(`${TASKS}?state=exploded&limit=0`);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().context)).toMatch(/state/);
  });
});

describe('operational reset', () => {
  it('clears tasks and fault rules and records the reset', async () => {
    await taskIn('stuck');
    await createFault(t.app, { mode: 'slow' });
    const res = await api.post('/admin-api/v1/reset-operational-data');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().schemas).toEqual([{ schema: 'provisioning', truncated: ['provisioning.task', 'provisioning.fault_rule'], updated: [] }]);
    expect((await api.get(TASKS)).json()).toEqual([]);
    expect((await api.get(FAULTS)).json()).toEqual([]);
    expect(await outbox(db, 'admin.operational_data_reset')).toHaveLength(1);
  });
});
