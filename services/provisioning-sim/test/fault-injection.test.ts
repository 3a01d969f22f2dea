// Deterministic fault runs, one per mode: rules created over the API, the random source scripted, tasks
// delivered through the inbox path, the runner run to quiescence, and the staged outbox events asserted.
import { deliverShuffled, type EventHandler } from '@bss/events';
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TASK_CREATED_QUEUE } from '../src/consumers/task-created.consumer.ts';
import { allTasksOf, buildTestApp, createFault, http, outbox, serviceOrder, taskCreated, TASKS, type TestApp } from './helpers.ts';

let db: TestDatabase;
let t: TestApp;
beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db, { BSS_PROVISIONING_TASK_DURATION_MS: '100' });
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});
beforeEach(async () => {
  await db.pool.query('TRUNCATE provisioning.task, provisioning.fault_rule, provisioning.outbox, provisioning.inbox');
  t.random.next.length = 0;
  t.sleeps.length = 0;
});

const deliver = (handler: EventHandler, events: ReturnType<typeof allTasksOf>) =>
  deliverShuffled({ database: db, inboxSchema: 'provisioning', consumer: TASK_CREATED_QUEUE, handler, events, seed: 11 });

async function runOne(taskType: 'HLR_PROVISION' | 'PCRF_POLICY_PUSH' | 'OCS_BALANCE_INIT' | 'ESIM_PROFILE_PREPARE' = 'HLR_PROVISION') {
  const so = serviceOrder();
  await deliver(t.consumer.handler, [taskCreated(so, taskType)]);
  const report = await t.runner.runPending();
  const [task] = (await http(t.app).get(`${TASKS}?serviceOrderId=${so.serviceOrderId}`)).json();
  return { so, report, task };
}

const types = async () => (await outbox(db)).filter((e) => e.event_type.startsWith('provisioning.task.')).map((e) => e.event_type);

describe('fault injection', () => {
  it('fail_first_attempt: attempt 1 fails silently, attempt 2 completes', async () => {
    await createFault(t.app, { taskType: 'HLR_PROVISION', mode: 'fail_first_attempt' });
    const { task, report } = await runOne();
    expect(report).toMatchObject({ attempts: 2, retried: 1, completed: 1 });
    expect(task).toMatchObject({ state: 'completed', attempts: 2, permanent: false });
    expect(task.lastError).toMatch(/fail_first_attempt.*attempt 1 of 3/);
    expect(await types()).toEqual(['provisioning.task.completed']);
    expect(t.sleeps).toEqual([100, 100]);
  });

  it('fail_always (permanent): every attempt fails, the last stages a permanent failure; retry is refused', async () => {
    await createFault(t.app, { taskType: 'HLR_PROVISION', mode: 'fail_always' });
    const { task, so } = await runOne();
    expect(task).toMatchObject({ state: 'failed', attempts: 3, maxAttempts: 3, permanent: true });
    const [failed] = await outbox(db, 'provisioning.task.failed');
    expect(failed!.payload).toMatchObject({ taskId: task.id, serviceOrderId: so.serviceOrderId, orderId: so.orderId, attempts: 3, permanent: true });
    expect(failed!.payload.lastError).toMatch(/attempt 3 of 3/);
    const retry = await http(t.app).post(`${TASKS}/${task.id}/retry`);
    expect(retry.statusCode).toBe(422);
    expect(retry.json().reason).toBe('provisioning_task.retry.permanent_failure');
  });

  it('fail_always (retryable): the order waits; disable the rule, retry the same row, and the original order completes', async () => {
    const rule = await createFault(t.app, { mode: 'fail_always', permanent: false });
    const { task, so } = await runOne('PCRF_POLICY_PUSH');
    expect(task).toMatchObject({ state: 'failed', attempts: 3, permanent: false });
    expect((await outbox(db, 'provisioning.task.failed'))[0]!.payload.permanent).toBe(false);

    expect((await http(t.app).patch(`/provisioning-api/v1/fault-injection/${rule.id}`, { enabled: false })).statusCode).toBe(200);
    const retried = await http(t.app).post(`${TASKS}/${task.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ id: task.id, state: 'pending', attempts: 0, lastError: null });

    await t.runner.runPending();
    const after = (await http(t.app).get(`${TASKS}/${task.id}`)).json();
    expect(after).toMatchObject({ state: 'completed', attempts: 1 });
    expect(await types()).toEqual(['provisioning.task.failed', 'provisioning.task.retried', 'provisioning.task.completed']);
    const [completed] = await outbox(db, 'provisioning.task.completed');
    expect(completed!.payload).toMatchObject({ taskId: task.id, serviceOrderId: so.serviceOrderId, orderId: so.orderId, taskType: 'PCRF_POLICY_PUSH' });
    expect(completed!.correlation_id).toBe(so.orderId);
  });

  it('stuck: the first attempt hangs (no wait, no retry); resolve with a note re-runs the same row', async () => {
    const rule = await createFault(t.app, { taskType: 'ESIM_PROFILE_PREPARE', mode: 'stuck' });
    const { task, so } = await runOne('ESIM_PROFILE_PREPARE');
    expect(task).toMatchObject({ state: 'stuck', attempts: 1 });
    expect(t.sleeps).toEqual([]);
    const [stuck] = await outbox(db, 'provisioning.task.stuck');
    expect(stuck!.payload).toMatchObject({ taskId: task.id, serviceOrderId: so.serviceOrderId, startedAt: '2026-06-01T00:00:00.000Z' });
    // Still stuck after another pass: nothing retries a stuck task automatically.
    expect((await t.runner.runPending()).attempts).toBe(0);

    await http(t.app).del(`/provisioning-api/v1/fault-injection/${rule.id}`);
    const resolved = await http(t.app).post(`${TASKS}/${task.id}/resolve`, { note: 'HSS restarted' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ id: task.id, state: 'pending', attempts: 0, lastError: 'Resolved by operator: HSS restarted', operatorNote: 'HSS restarted' });
    await t.runner.runPending();
    expect((await http(t.app).get(`${TASKS}/${task.id}`)).json().state).toBe('completed');
    expect(await types()).toEqual(['provisioning.task.stuck', 'provisioning.task.resolved', 'provisioning.task.completed']);
    expect((await outbox(db, 'provisioning.task.completed'))[0]!.payload).toMatchObject({ serviceOrderId: so.serviceOrderId, orderId: so.orderId });
  });

  it('slow: the attempt takes 2–5 × the duration (factor from the random source) and completes', async () => {
    await createFault(t.app, { mode: 'slow' });
    t.random.next.push(0.5);
    const { task } = await runOne('OCS_BALANCE_INIT');
    expect(task).toMatchObject({ state: 'completed', attempts: 1 });
    expect(t.sleeps).toEqual([350]);
  });

  it('probability: a draw below it fires, a draw at or above it does not', async () => {
    await createFault(t.app, { mode: 'fail_first_attempt', probability: '0.3' });
    t.random.next.push(0.29);
    expect((await runOne()).task.attempts).toBe(2);
    t.random.next.push(0.3);
    expect((await runOne()).task.attempts).toBe(1);
  });

  it('a disabled rule does nothing; the task type’s own rule wins over an all-types rule', async () => {
    await createFault(t.app, { mode: 'stuck', enabled: false });
    expect((await runOne()).task.state).toBe('completed');
    await createFault(t.app, { mode: 'fail_always' });
    await createFault(t.app, { taskType: 'OCS_BALANCE_INIT', mode: 'slow' });
    t.random.next.push(0);
    expect((await runOne('OCS_BALANCE_INIT')).task.state).toBe('completed');
    expect((await runOne('HLR_PROVISION')).task).toMatchObject({ state: 'failed', permanent: true });
  });

  it('a fault on one task type leaves the other tasks of the order alone', async () => {
    await createFault(t.app, { taskType: 'HLR_PROVISION', mode: 'fail_always' });
    const so = serviceOrder();
    await deliver(t.consumer.handler, allTasksOf(so));
    await t.runner.runPending();
    const tasks = (await http(t.app).get(`${TASKS}?serviceOrderId=${so.serviceOrderId}`)).json() as { taskType: string; state: string }[];
    expect(Object.fromEntries(tasks.map((x) => [x.taskType, x.state]))).toEqual({
      HLR_PROVISION: 'failed',
      PCRF_POLICY_PUSH: 'completed',
      OCS_BALANCE_INIT: 'completed',
      ESIM_PROFILE_PREPARE: 'completed',
    });
  });
});
