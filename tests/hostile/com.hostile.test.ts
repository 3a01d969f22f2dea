// Property-based hostile input over every operation of the COM service's own OpenAPI document.
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, http, NOW, ORDERS, type TestApp } from '../../services/com/test/helpers.ts';
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

describe(`com under hostile input (fast-check seed ${SEED}, ${RUNS_PER_OPERATION} runs per operation)`, () => {
  it('never answers 5xx, always answers the envelope, and stays healthy', async () => {
    // An order of the (fake, orderable) customer, so reads and lifecycle steps reach the database.
    const order = (await http(t.app).post(ORDERS, { customerId: 'CUST-hostile1', offeringId: 'PLAN_M' })).json();
    const { operations, requests } = await walkOperations(t.app, {
      ids: { customerId: 'CUST-hostile1', orderId: order.id, offeringId: 'PLAN_M' },
      afterEach: async () => void t.platform.clock.freeze(new Date(NOW)),
    });
    expect(operations).toBeGreaterThan(12);
    expect(requests).toBe(operations * RUNS_PER_OPERATION);
    await assertHealthy(t.app, 'the walk');
  });
});
