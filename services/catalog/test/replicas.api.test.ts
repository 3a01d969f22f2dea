// Two app instances on one database, as two replicas behind a load balancer: a write through one is visible
// through the other on the very next read, because the version stamp commits with the write.
import { authHeaders, testPlatform } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '@bss/server-kit';
import { buildApp } from '../src/app.ts';
import { createDeps } from '../src/deps.ts';
import { TMF, operator, startCatalog, type Harness } from './harness.ts';

let a: Harness;
let b: App;
beforeAll(async () => {
  a = await startCatalog();
  b = await buildApp(createDeps(testPlatform('catalog', a.db, { now: '2026-06-01T00:00:00Z' })));
  await b.ready();
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const readB = (url: string) => b.inject({ method: 'GET', url, headers: authHeaders() });

describe('two replicas', () => {
  it('sees a write made through the other replica on the next read', async () => {
    // Both warm, so replica B holds a cached snapshot that the write makes stale.
    expect((await readB(`${TMF}/productOffering`)).json()).toHaveLength(3);
    expect((await a.get(`${TMF}/productOffering`)).json()).toHaveLength(3);

    const added = await a.send('POST', '/admin/catalog/offering', { offeringId: 'PLAN_R', name: 'Replica', amount: '5.00', dataMb: 10 });
    expect(added.statusCode).toBe(201);
    const list = await readB(`${TMF}/productOffering?activeAt=2026-06-01T00:00:00Z`);
    expect(list.json().map((o: { id: string }) => o.id)).toEqual(['PLAN_R', 'PLAN_S', 'PLAN_M', 'PLAN_L']);
    expect(list.headers['x-total-count']).toBe('4');

    const price = await b.inject({
      method: 'POST',
      url: '/admin/catalog/offering/PLAN_R/price',
      headers: { ...operator(), 'content-type': 'application/json' },
      payload: JSON.stringify({ priceId: 'PRICE_PLAN_R_2', amount: '4.00', retireCurrent: true }),
    });
    expect(price.statusCode).toBe(201);
    const active = await a.get(`${TMF}/productOfferingPrice/active/PLAN_R`);
    expect(active.json()).toMatchObject({ id: 'PRICE_PLAN_R_2', price: { value: 4, unit: 'SGD' } });

    expect((await a.send('POST', '/admin/catalog/offering/PLAN_R/retire')).statusCode).toBe(200);
    expect((await readB(`${TMF}/productOffering/PLAN_R`)).json()).toMatchObject({ lifecycleStatus: 'retired', isSellable: false });
  });
});
