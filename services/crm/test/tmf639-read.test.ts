// The TMF639 page is one prepared statement that returns the pool rows as JSON; this pins that they map to
// exactly the rows drizzle selects from the tables (types included), across the MSISDN → eSIM boundary, with
// filters, for an assigned number and an activated profile (the columns that are null elsewhere).
import { asc, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPoolPage } from '../src/inventory/repositories/tmf639.repository.ts';
import { esimProfile, msisdnPool } from '../src/inventory/schema.ts';
import { call, startHarness, type Harness } from './inventory/harness.ts';

let h: Harness;
let iccid: string;
beforeAll(async () => {
  h = await startHarness();
  await call(h.app, 'POST', '/inventory-api/v1/msisdn/90000999/reserve');
  iccid = (await call(h.app, 'POST', '/inventory-api/v1/esim/reserve')).body.iccid;
  await call(h.app, 'POST', `/inventory-api/v1/esim/${iccid}/assign-msisdn`, { msisdn: '90000999' });
  await call(h.app, 'POST', '/inventory-api/v1/msisdn/90000999/assign', { subscriptionId: 'SUB-0999', customerId: 'CUST-00000999' });
});
afterAll(async () => h?.close());

describe('TMF639 one-statement page', () => {
  it('returns the same rows as selecting them from the pools, across the boundary', async () => {
    const db = h.deps.database.db;
    for (let i = 0; i < 2; i++) {
      const page = await listPoolPage(db, { msisdn: true, esim: true }, { offset: 998, limit: 4 });
      expect(page.total).toBe(2000);
      expect(page.msisdns).toEqual(await db.select().from(msisdnPool).where(inArray(msisdnPool.msisdn, ['90000998', '90000999'])).orderBy(asc(msisdnPool.msisdn)));
      const firstEsims = await db.select().from(esimProfile).orderBy(asc(esimProfile.iccid)).limit(2);
      expect(page.esims).toEqual(firstEsims);
      expect(page.esims.map((e) => e.iccid)).toContain(iccid);
      expect(page.msisdns[1]).toMatchObject({ status: 'assigned', assignedToCustomerId: 'CUST-00000999', everAssigned: true });
    }
  });

  it('applies filters as parameters: names, state lists (empty = nothing), pools; totals past the end', async () => {
    const db = h.deps.database.db;
    expect(await listPoolPage(db, { msisdn: true, esim: true, name: '90000999' }, { offset: 0, limit: 10 })).toMatchObject({ total: 1, esims: [] });
    expect((await listPoolPage(db, { msisdn: true, esim: false, msisdnStatuses: ['assigned'] }, { offset: 0, limit: 10 })).msisdns.map((m) => m.msisdn)).toEqual(['90000999']);
    expect(await listPoolPage(db, { msisdn: true, esim: true, msisdnStatuses: [], esimStates: [] }, { offset: 0, limit: 10 })).toEqual({ msisdns: [], esims: [], total: 0 });
    expect(await listPoolPage(db, { msisdn: false, esim: true }, { offset: 5000, limit: 10 })).toEqual({ msisdns: [], esims: [], total: 1000 });
    expect(await listPoolPage(db, { msisdn: false, esim: false }, { offset: 0, limit: 10 })).toEqual({ msisdns: [], esims: [], total: 0 });
  });
});
