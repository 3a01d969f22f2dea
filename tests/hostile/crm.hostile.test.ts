// Property-based hostile input over every operation of the CRM's own OpenAPI document (CRM, inventory, porting).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCustomer, NOW, startHarness, type Harness } from '../../services/crm/test/crm-harness.ts';
import { assertHealthy, RUNS_PER_OPERATION, SEED, walkOperations } from './openapi-walk.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe(`crm under hostile input (fast-check seed ${SEED}, ${RUNS_PER_OPERATION} runs per operation)`, () => {
  it('never answers 5xx, always answers the envelope, and stays healthy', async () => {
    const { operations, requests } = await walkOperations(h.app, {
      // A real customer and seeded pool entries, so hostile fields reach the services and the database.
      ids: { customerId: (await newCustomer(h)).id, agentId: 'AGT-001', msisdn: '90000001', iccid: '8910101000000000001', openedByAgentId: 'AGT-001', authorAgentId: 'AGT-001' },
      afterEach: async () => void h.platform.clock.freeze(new Date(NOW)),
    });
    expect(operations).toBeGreaterThan(40);
    expect(requests).toBe(operations * RUNS_PER_OPERATION);
    await assertHealthy(h.app, 'the walk');
  });
});
