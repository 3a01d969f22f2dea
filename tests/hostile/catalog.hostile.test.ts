// Property-based hostile input over every operation of the catalog's own OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalog, type Harness } from '../../services/catalog/test/harness.ts';
import { assertHealthy, RUNS_PER_OPERATION, SEED, walkOperations } from './openapi-walk.ts';

const NOW = '2026-06-01T00:00:00Z';
let h: Harness;
beforeAll(async () => {
  h = await startCatalog(NOW);
});
afterAll(async () => {
  await h?.close();
});

describe(`catalog under hostile input (fast-check seed ${SEED}, ${RUNS_PER_OPERATION} runs per operation)`, () => {
  it('never answers 5xx, always answers the envelope, and stays healthy', async () => {
    const { operations, requests } = await walkOperations(h.app, {
      // A named operator, so admin writes get past catalog.admin_only to their fields.
      headers: { 'x-bss-actor': 'ops-hostile' },
      ids: { offeringId: 'PLAN_M', specId: 'SPEC_MOBILE_PREPAID', priceId: 'PRICE_PLAN_M', vasId: 'VAS_DATA_1GB' },
      afterEach: async () => void h.platform.clock.freeze(new Date(NOW)),
    });
    expect(operations).toBeGreaterThan(15);
    expect(requests).toBe(operations * RUNS_PER_OPERATION);
    await assertHealthy(h.app, 'the walk');
  });
});
