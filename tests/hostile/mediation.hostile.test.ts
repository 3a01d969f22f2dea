// Property-based hostile input over every operation of mediation's own OpenAPI document (in-process
// subscription fake: the line below is active, so well-formed records reach the database).
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, fakeSubscriptions, line, NOW, type TestApp } from '../../services/mediation/test/helpers.ts';
import { assertHealthy, RUNS_PER_OPERATION, SEED, walkOperations } from './openapi-walk.ts';

let db: TestDatabase;
let t: TestApp;
beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db, { subscriptions: fakeSubscriptions([line('6594000001')]) });
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

describe(`mediation under hostile input (fast-check seed ${SEED}, ${RUNS_PER_OPERATION} runs per operation)`, () => {
  it('never answers 5xx, always answers the envelope, and stays healthy', async () => {
    const { operations, requests } = await walkOperations(t.app, {
      ids: { msisdn: '6594000001', usageId: 'UE-0000000000000000000A', subscriptionId: 'SUB-6594000001' },
      afterEach: async () => void t.platform.clock.freeze(new Date(NOW)),
    });
    expect(operations).toBeGreaterThan(10);
    expect(requests).toBe(operations * RUNS_PER_OPERATION);
    await assertHealthy(t.app, 'the walk');
  });
});
