// The runner worker wakes on the NOTIFY a committed task sends, not on its poll: with a 60 s poll a task is run
// well within a second, an operator retry likewise, and a LISTEN connection killed under it is re-established
// and wakes the runner again.
import { deliverShuffled } from '@bss/events';
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TASK_CREATED_QUEUE } from '../src/consumers/task-created.consumer.ts';
import { TASK_PENDING_CHANNEL } from '../src/repositories/task.repository.ts';
import { createTaskRunnerWorker } from '../src/workers/task-runner.worker.ts';
import { buildTestApp, createFault, FAULTS, http, serviceOrder, taskCreated, TASKS, type TestApp } from './helpers.ts';

const POLL_MS = 60_000;
/** Far below the poll: only a wake-up can finish a task this soon. */
const WAKE_BUDGET_MS = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let db: TestDatabase;
let t: TestApp;
let worker: ReturnType<typeof createTaskRunnerWorker>;
beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db, { BSS_PROVISIONING_POLL_INTERVAL_MS: String(POLL_MS) });
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});
beforeEach(async () => {
  await db.pool.query('TRUNCATE provisioning.task, provisioning.fault_rule, provisioning.outbox, provisioning.inbox');
  worker = createTaskRunnerWorker(t.deps);
  await worker.start();
});
afterEach(async () => {
  await worker.stop();
});

/** Commits one task request through the real consumer path; returns the task's service order id. */
async function commitTask(): Promise<string> {
  const so = serviceOrder();
  const report = await deliverShuffled({
    database: db,
    inboxSchema: 'provisioning',
    consumer: TASK_CREATED_QUEUE,
    handler: t.consumer.handler,
    events: [taskCreated(so, 'HLR_PROVISION')],
    seed: 1,
    duplicateRate: 0,
  });
  expect(report.failed).toEqual([]);
  return so.serviceOrderId;
}

/** Waits until the task of `serviceOrderId` is in `state`; returns how long that took (fails past the budget). */
async function settles(serviceOrderId: string, state: string, since = performance.now()): Promise<number> {
  for (;;) {
    const { rows } = await db.pool.query<{ state: string }>('SELECT state FROM provisioning.task WHERE service_order_id = $1', [serviceOrderId]);
    const elapsed = performance.now() - since;
    if (rows[0]?.state === state) return elapsed;
    if (elapsed > WAKE_BUDGET_MS) throw new Error(`task still ${rows[0]?.state ?? 'absent'} after ${Math.round(elapsed)} ms (poll is ${POLL_MS} ms)`);
    await sleep(10);
  }
}

/** Backend pids of the sessions LISTENing on the task channel in this test's database. */
async function listenerPids(): Promise<number[]> {
  const { rows } = await db.pool.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = $1',
    [`LISTEN "${TASK_PENDING_CHANNEL}"`],
  );
  return rows.map((r) => r.pid);
}

async function untilListening(except: number[] = []): Promise<number> {
  const deadline = performance.now() + 5_000;
  for (;;) {
    const fresh = (await listenerPids()).filter((pid) => !except.includes(pid));
    if (fresh.length === 1) return fresh[0]!;
    if (performance.now() > deadline) throw new Error('the runner never LISTENed (again)');
    await sleep(20);
  }
}

describe('task runner wake-up', () => {
  it('runs a task committed by another transaction long before the poll interval', async () => {
    await untilListening();
    const since = performance.now();
    const serviceOrderId = await commitTask();
    expect(await settles(serviceOrderId, 'completed', since)).toBeLessThan(WAKE_BUDGET_MS);
  });

  it('an operator retry re-queues the task and wakes the runner at once', async () => {
    await untilListening();
    const rule = await createFault(t.app, { taskType: 'HLR_PROVISION', mode: 'fail_always', permanent: false });
    const serviceOrderId = await commitTask();
    await settles(serviceOrderId, 'failed');
    expect((await http(t.app).del(`${FAULTS}/${rule.id}`)).statusCode).toBe(204);
    const { rows } = await db.pool.query<{ id: string }>('SELECT id FROM provisioning.task WHERE service_order_id = $1', [serviceOrderId]);
    const since = performance.now();
    const res = await http(t.app).post(`${TASKS}/${rows[0]!.id}/retry`);
    expect(res.statusCode).toBe(200);
    expect(await settles(serviceOrderId, 'completed', since)).toBeLessThan(WAKE_BUDGET_MS);
  });

  it('re-establishes a LISTEN connection terminated under it and is woken through the new one', async () => {
    const first = await untilListening();
    const { rows } = await db.pool.query<{ ok: boolean }>('SELECT pg_terminate_backend($1) AS ok', [first]);
    expect(rows[0]!.ok).toBe(true);
    const second = await untilListening([first]);
    expect(second).not.toBe(first);
    expect(await listenerPids()).toEqual([second]);
    const since = performance.now();
    const serviceOrderId = await commitTask();
    expect(await settles(serviceOrderId, 'completed', since)).toBeLessThan(WAKE_BUDGET_MS);
  });
});
