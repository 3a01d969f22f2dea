// Property-based hostile input over every operation of SOM's own OpenAPI document. The service orders walked are
// real rows (a decomposed order with its services); inventory is a fake that throws: no operation of the walk may reach it.
import { createTestDatabase, testPlatform, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../services/som/src/app.ts';
import { createDeps, type Inventory } from '../../services/som/src/deps.ts';
import type { App } from '@bss/server-kit';
import { assertHealthy, RUNS_PER_OPERATION, SEED, walkOperations } from './openapi-walk.ts';

const refuse = async (): Promise<never> => {
  throw new Error('no inventory in the hostile walk: no operation may reach it');
};
const inventory = new Proxy({}, { get: () => refuse }) as Inventory;

let db: TestDatabase;
let app: App;
beforeAll(async () => {
  db = await createTestDatabase();
  const platform = testPlatform('som', db, { outboxSchema: 'service_inventory' });
  app = await buildApp(createDeps(platform, { inventory }));
  await app.ready();
  await platform.database.pool.query(`
    INSERT INTO service_inventory.service_order (id, tenant_id, order_id, item_id, customer_id, state, order_date)
    VALUES ('SO-HOSTILE1', 'DEFAULT', 'ORD-HOSTILE1', 'SOI-HOSTILE1', 'CUST-hostile1', 'in_progress', now())`);
  await platform.database.pool.query(`
    INSERT INTO service_inventory.service (id, tenant_id, service_order_id, spec_id, kind, state, customer_id, order_id, created_at, updated_at)
    VALUES ('SVC-HOSTILE1', 'DEFAULT', 'SO-HOSTILE1', 'MobileBroadband', 'CFS', 'reserved', 'CUST-hostile1', 'ORD-HOSTILE1', now(), now())`);
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe(`som under hostile input (fast-check seed ${SEED}, ${RUNS_PER_OPERATION} runs per operation)`, () => {
  it('never answers 5xx, always answers the envelope, and stays healthy', async () => {
    const { operations, requests } = await walkOperations(app, { ids: { orderId: 'ORD-HOSTILE1', id: 'SO-HOSTILE1' } });
    expect(operations).toBeGreaterThan(8);
    expect(requests).toBe(operations * RUNS_PER_OPERATION);
    await assertHealthy(app, 'the walk');
  });
});
