// Property-based hostile input over every operation of the subscription service's own OpenAPI document.
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, insertFixture, NOW, type TestApp } from '../../services/subscription/test/helpers.ts';
import { assertHealthy, RUNS_PER_OPERATION, SEED, walkOperations } from './openapi-walk.ts';

let db: TestDatabase;
let t: TestApp;
beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db);
  await insertFixture(db, 'SUB-hostile1', 'CUST-hostile1', '90000042');
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

describe(`subscription under hostile input (fast-check seed ${SEED}, ${RUNS_PER_OPERATION} runs per operation)`, () => {
  it('never answers 5xx, always answers the envelope, and stays healthy', async () => {
    const { operations, requests } = await walkOperations(t.app, {
      // An existing line, so reads reach the database; creates stop at the (unreachable) downstream services: 503.
      // A price migration dated in the past stops at its policy (422) before it would ask the unreachable catalog.
      ids: { subscriptionId: 'SUB-hostile1', customerId: 'CUST-hostile1', msisdn: '90000042', effectiveFrom: '2020-01-01T00:00:00Z' },
      afterEach: async () => void t.platform.clock.freeze(new Date(NOW)),
    });
    expect(operations).toBeGreaterThan(12);
    expect(requests).toBe(operations * RUNS_PER_OPERATION);
    await assertHealthy(t.app, 'the walk');
  });
});
