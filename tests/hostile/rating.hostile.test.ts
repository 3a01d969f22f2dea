// Property-based hostile input over every operation of rating's own OpenAPI document, with a real catalog behind it.
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, NOW, startCatalog, type TestApp } from '../../services/rating/test/helpers.ts';
import { assertHealthy, RUNS_PER_OPERATION, SEED, walkOperations } from './openapi-walk.ts';

let db: TestDatabase;
let catalog: Awaited<ReturnType<typeof startCatalog>>;
let t: TestApp;
beforeAll(async () => {
  db = await createTestDatabase();
  catalog = await startCatalog(db);
  t = await buildTestApp(db, catalog.url);
});
afterAll(async () => {
  await t?.app.close();
  await catalog?.stop();
  await db?.drop();
});

describe(`rating under hostile input (fast-check seed ${SEED}, ${RUNS_PER_OPERATION} runs per operation)`, () => {
  it('never answers 5xx, always answers the envelope, and stays healthy', async () => {
    const { operations, requests } = await walkOperations(t.app, {
      ids: { offeringId: 'PLAN_M' },
      afterEach: async () => void t.platform.clock.freeze(new Date(NOW)),
    });
    expect(operations).toBeGreaterThan(8);
    expect(requests).toBe(operations * RUNS_PER_OPERATION);
    await assertHealthy(t.app, 'the walk');
  });
});
