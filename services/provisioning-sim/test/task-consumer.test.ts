// The consumer through the real inbox path (deliverShuffled: shuffled, duplicated, concurrent deliveries) and
// the runner: one task per (service order, task type), results staged in the outbox with the original ids.
import { mintedIdPattern } from '@bss/contracts';
import { deliverShuffled } from '@bss/events';
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TASK_CREATED_QUEUE } from '../src/consumers/task-created.consumer.ts';
import { MAX_ATTEMPTS_PER_PASS } from '../src/services/task-runner.service.ts';
import { allTasksOf, buildTestApp, http, outbox, serviceOrder, taskCreated, TASKS, type TestApp } from './helpers.ts';

let db: TestDatabase;
let t: TestApp;
beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db);
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});
beforeEach(async () => {
  await db.pool.query('TRUNCATE provisioning.task, provisioning.fault_rule, provisioning.outbox, provisioning.inbox');
});

const deliver = (events: ReturnType<typeof allTasksOf>, seed: number) =>
  deliverShuffled({ database: db, inboxSchema: 'provisioning', consumer: TASK_CREATED_QUEUE, handler: t.consumer.handler, events, seed, duplicateRate: 0.75 });

async function tasks(): Promise<{ id: string; service_order_id: string; task_type: string; state: string; attempts: number }[]> {
  return (await db.pool.query('SELECT id, service_order_id, task_type, state, attempts FROM provisioning.task ORDER BY service_order_id, task_type')).rows;
}

describe('provisioning-sim.task.created consumer', () => {
  it('binds the catalogued queue', () => {
    expect(t.consumer.spec).toEqual({ queue: 'provisioning-sim.task.created', bindings: ['provisioning.task.created'], inboxSchema: 'provisioning' });
  });

  for (const seed of [1, 7, 42]) {
    it(`creates exactly one pending task per (service order, task type) whatever the delivery order (seed ${seed})`, async () => {
      const a = serviceOrder();
      const b = serviceOrder();
      // A re-staged request (new event id, same pair) must not create a second task either.
      const restaged = taskCreated(a, 'HLR_PROVISION');
      const report = await deliver([...allTasksOf(a), ...allTasksOf(b), restaged], seed);
      expect(report.failed).toEqual([]);
      expect(report.duplicates).toBeGreaterThan(0);
      const rows = await tasks();
      expect(rows).toHaveLength(8);
      expect(new Set(rows.map((r) => r.id)).size).toBe(8);
      expect(rows.every((r) => mintedIdPattern('PTK').test(r.id) && r.state === 'pending' && r.attempts === 0)).toBe(true);
      // Nothing runs in the consumer: no result is staged yet.
      expect(await outbox(db)).toEqual([]);
    });
  }

  it('the runner completes every task and stages provisioning.task.completed with the original ids', async () => {
    const so = serviceOrder();
    await deliver(allTasksOf(so), 3);
    const report = await t.runner.runPending();
    expect(report).toMatchObject({ attempts: 4, completed: 4, failed: 0, stuck: 0 });
    expect((await tasks()).map((r) => r.state)).toEqual(['completed', 'completed', 'completed', 'completed']);
    const events = await outbox(db);
    expect(events.map((e) => e.event_type)).toEqual(Array(4).fill('provisioning.task.completed'));
    for (const e of events) {
      expect(e.payload).toMatchObject({ serviceOrderId: so.serviceOrderId, orderId: so.orderId, serviceId: so.serviceId, attempts: 1, maxAttempts: 3 });
      expect(e.correlation_id).toBe(so.orderId);
      expect(e.aggregate_id).toBe(e.payload.taskId);
    }
    expect(new Set(events.map((e) => e.payload.taskType)).size).toBe(4);
    // A second pass finds nothing to do; a late redelivery creates nothing and re-runs nothing.
    expect((await t.runner.runPending()).attempts).toBe(0);
    await deliver(allTasksOf(so), 4);
    expect((await t.runner.runPending()).attempts).toBe(0);
    expect(await outbox(db)).toHaveLength(4);
  });

  it('keeps the event’s tenant on the task and on its result', async () => {
    const so = serviceOrder();
    await deliver([taskCreated(so, 'OCS_BALANCE_INIT', { tenant: 'TENANT_B' })], 5);
    await t.runner.runPending();
    const [event] = await outbox(db);
    expect(event!.tenant_id).toBe('TENANT_B');
    // The operator of the default tenant does not see it.
    const res = await http(t.app).get(`${TASKS}?serviceOrderId=${so.serviceOrderId}`);
    expect(res.json()).toEqual([]);
  });

  it('waits the configured duration per attempt (through the injected sleep)', async () => {
    const slow = await buildTestApp(db, { BSS_PROVISIONING_TASK_DURATION_MS: '150' });
    try {
      await deliverShuffled({ database: db, inboxSchema: 'provisioning', consumer: TASK_CREATED_QUEUE, handler: slow.consumer.handler, events: [taskCreated(serviceOrder(), 'HLR_PROVISION')], seed: 1 });
      await slow.runner.runPending();
      expect(slow.sleeps).toEqual([150]);
    } finally {
      await slow.app.close();
    }
  });

  it('two runners in parallel never run the same attempt twice (SKIP LOCKED)', async () => {
    const orders = Array.from({ length: 5 }, () => serviceOrder());
    await deliver(orders.flatMap(allTasksOf), 9);
    const other = await buildTestApp(db);
    try {
      const [r1, r2] = await Promise.all([t.runner.runPending(), other.runner.runPending()]);
      expect(r1.attempts + r2.attempts).toBe(20);
    } finally {
      await other.app.close();
    }
    expect(await outbox(db, 'provisioning.task.completed')).toHaveLength(20);
    expect((await tasks()).every((r) => r.state === 'completed' && r.attempts === 1)).toBe(true);
  });

  it('bounds a pass; the next pass carries on', async () => {
    await deliver(Array.from({ length: 11 }, () => serviceOrder()).flatMap(allTasksOf), 13);
    expect((await t.runner.runPending()).attempts).toBe(MAX_ATTEMPTS_PER_PASS);
    expect((await t.runner.runPending()).attempts).toBe(44 - MAX_ATTEMPTS_PER_PASS);
  });

  it('refuses a payload that breaks the catalogue (permanent: it parks), creating nothing', async () => {
    const bad = taskCreated(serviceOrder(), 'HLR_PROVISION');
    bad.payload = { ...bad.payload, taskType: 'HLR_DEPROVISION' };
    const report = await deliverShuffled({ database: db, inboxSchema: 'provisioning', consumer: TASK_CREATED_QUEUE, handler: t.consumer.handler, events: [bad], seed: 1, duplicateRate: 0, maxAttempts: 1 });
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.error).toMatch(/breaks the event catalogue/);
    expect(await tasks()).toEqual([]);
  });
});
