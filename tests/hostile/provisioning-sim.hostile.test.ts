// Property-based hostile input over every operation of the provisioning simulator's own OpenAPI document.
import { deliverShuffled } from '@bss/events';
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK_CREATED_QUEUE } from '../../services/provisioning-sim/src/consumers/task-created.consumer.ts';
import { buildTestApp, createFault, NOW, serviceOrder, taskCreated, type TestApp } from '../../services/provisioning-sim/test/helpers.ts';
import { assertHealthy, RUNS_PER_OPERATION, SEED, walkOperations } from './openapi-walk.ts';

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

describe(`provisioning-sim under hostile input (fast-check seed ${SEED}, ${RUNS_PER_OPERATION} runs per operation)`, () => {
  it('never answers 5xx, always answers the envelope, and stays healthy', async () => {
    // A stuck task and a fault rule, so operator actions and rule lookups reach the database.
    const rule = await createFault(t.app, { mode: 'stuck' });
    const so = serviceOrder();
    await deliverShuffled({ database: db, inboxSchema: 'provisioning', consumer: TASK_CREATED_QUEUE, handler: t.consumer.handler, events: [taskCreated(so, 'HLR_PROVISION')], seed: 1 });
    await t.runner.runPending();
    const taskId = (await db.pool.query('SELECT id FROM provisioning.task LIMIT 1')).rows[0].id as string;
    const { operations, requests } = await walkOperations(t.app, {
      ids: { taskId, id: taskId, faultId: rule.id, serviceOrderId: so.serviceOrderId },
      afterEach: async () => void t.platform.clock.freeze(new Date(NOW)),
    });
    expect(operations).toBeGreaterThan(12);
    expect(requests).toBe(operations * RUNS_PER_OPERATION);
    await assertHealthy(t.app, 'the walk');
  });
});
