// The TMF639 Resource view: every payload validated against the official swagger (strict), absolute hrefs,
// status mapping, characteristics, owner parties, paging across both pools, and no Ki material.
import { loadTmfValidator } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHarness, type Harness } from './inventory/harness.ts';

let h: Harness;
const R = '/tmf-api/resourceInventoryManagement/v4/resource';
const v = loadTmfValidator('TMF639-ResourceInventory-v4.swagger.json');

beforeAll(async () => {
  h = await startHarness();
  // one assigned number bound to an activated profile
  await call(h.app, 'POST', '/inventory-api/v1/msisdn/90000003/reserve');
  const iccid = (await call(h.app, 'POST', '/inventory-api/v1/esim/reserve')).body.iccid;
  await call(h.app, 'POST', `/inventory-api/v1/esim/${iccid}/assign-msisdn`, { msisdn: '90000003' });
  await call(h.app, 'POST', '/inventory-api/v1/msisdn/90000003/assign', { subscriptionId: 'SUB-0003', customerId: 'CUST-00000003' });
  await call(h.app, 'POST', `/inventory-api/v1/esim/${iccid}/mark-downloaded`);
  await call(h.app, 'POST', `/inventory-api/v1/esim/${iccid}/mark-activated`);
});
afterAll(async () => h?.close());

describe('TMF639 resource', () => {
  it('serves an available MSISDN as a valid LogicalResource with an absolute href', async () => {
    const res = await call(h.app, 'GET', `${R}/MSISDN-90000001`);
    expect(res.status).toBe(200);
    v.assert('Resource', res.body);
    expect(res.body).toEqual({
      id: 'MSISDN-90000001',
      href: `${h.deps.config.publicBaseUrl}${R}/MSISDN-90000001`,
      name: '90000001',
      category: 'msisdn',
      resourceStatus: 'available',
      operationalState: 'enable',
      administrativeState: 'unlocked',
      usageState: 'idle',
      resourceCharacteristic: [
        { name: 'msisdn', valueType: 'string', value: '90000001' },
        { name: 'state', valueType: 'string', value: 'available' },
        { name: 'origin', valueType: 'string', value: 'seed' },
      ],
      '@type': 'LogicalResource',
      '@baseType': 'Resource',
    });
    expect(res.body.href).toMatch(/^https?:\/\//);
  });

  it('serves an assigned MSISDN with its owner parties', async () => {
    const res = await call(h.app, 'GET', `${R}/MSISDN-90000003`);
    v.assert('Resource', res.body);
    expect(res.body).toMatchObject({ resourceStatus: 'reserved', usageState: 'active' });
    expect(res.body.relatedParty).toEqual([
      { id: 'CUST-00000003', role: 'owner', '@referredType': 'Customer' },
      { id: 'SUB-0003', role: 'subscription', '@referredType': 'Subscription' },
    ]);
  });

  it('serves an activated eSIM profile as a valid PhysicalResource relying on its MSISDN, never with ki', async () => {
    const res = await call(h.app, 'GET', `${R}/ESIM-8910101000000000000`);
    v.assert('Resource', res.body);
    expect(res.body).toMatchObject({ '@type': 'PhysicalResource', category: 'esimProfile', resourceStatus: 'reserved', usageState: 'active' });
    const chars = Object.fromEntries(res.body.resourceCharacteristic.map((c: { name: string; value: string }) => [c.name, c.value]));
    expect(chars).toEqual({ iccid: '8910101000000000000', imsi: '525010000000000', state: 'activated', smdpServer: 'smdp.bss-cli.local', msisdn: '90000003' });
    expect(res.body.resourceRelationship).toEqual([
      { relationshipType: 'reliesOn', resource: { id: 'MSISDN-90000003', href: `${h.deps.config.publicBaseUrl}${R}/MSISDN-90000003`, '@referredType': 'LogicalResource' } },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/hsm:|\bki/i);
  });

  it('maps a ported-out number to a disabled, locked resource', async () => {
    await h.db.pool.query(`UPDATE inventory.msisdn_pool SET status = 'ported_out', assigned_to_subscription_id = 'SUB-7' WHERE msisdn = '90000007'`);
    const res = await call(h.app, 'GET', `${R}/MSISDN-90000007`);
    v.assert('Resource', res.body);
    expect(res.body).toMatchObject({ resourceStatus: 'unknown', operationalState: 'disable', administrativeState: 'locked' });
  });

  it('lists both pools with X-Total-Count, paging across the MSISDN/eSIM boundary, each item valid', async () => {
    const res = await call(h.app, 'GET', `${R}?offset=998&limit=4`);
    expect(res.status).toBe(200);
    expect(res.headers['x-total-count']).toBe('2000');
    expect(res.body.map((r: { id: string }) => r.id)).toEqual(['MSISDN-90000998', 'MSISDN-90000999', 'ESIM-8910101000000000000', 'ESIM-8910101000000000001']);
    for (const r of res.body) v.assert('Resource', r);
  });

  it('filters by @type and category', async () => {
    const physical = await call(h.app, 'GET', `${R}?@type=PhysicalResource&limit=3`);
    expect(physical.headers['x-total-count']).toBe('1000');
    expect(physical.body.every((r: { '@type': string }) => r['@type'] === 'PhysicalResource')).toBe(true);
    const msisdn = await call(h.app, 'GET', `${R}?category=msisdn&offset=999&limit=5`);
    expect(msisdn.body.map((r: { id: string }) => r.id)).toEqual(['MSISDN-90000999']);
    expect(msisdn.headers['x-result-count']).toBe('1');
  });

  it('answers an unknown or malformed id with 404 resource.not_found', async () => {
    for (const id of ['MSISDN-11111111', 'ESIM-123', 'whatever']) {
      const res = await call(h.app, 'GET', `${R}/${id}`);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ reason: 'resource.not_found' });
    }
  });
});
