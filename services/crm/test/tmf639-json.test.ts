// The TMF639 resource list without `fields` sends JSON that Postgres built (tmf639-json.repository.ts); with
// `fields` it goes through the mappers and the zod response schema. These pin the two to the same bytes and
// counts for every pool state, across the MSISDN → eSIM
// boundary and under every filter, so neither can change alone.
import { inventory as c } from '@bss/contracts';
import { authHeaders, loadTmfValidator } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTmf639Resources } from '../src/inventory/services/tmf639.query.ts';
import { call, startHarness, type Harness } from './inventory/harness.ts';

const tmf639 = loadTmfValidator('TMF639-ResourceInventory-v4.swagger.json');
const BASE = '/tmf-api/resourceInventoryManagement/v4/resource';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // MSISDNs at the end of the pool in every state; eSIMs at its start reserved, linked, downloaded, activated.
  await call(h.app, 'POST', '/inventory-api/v1/msisdn/90000997/reserve');
  await call(h.app, 'POST', '/inventory-api/v1/msisdn/90000999/reserve');
  const iccid = (await call(h.app, 'POST', '/inventory-api/v1/esim/reserve')).body.iccid as string;
  await call(h.app, 'POST', `/inventory-api/v1/esim/${iccid}/assign-msisdn`, { msisdn: '90000999' });
  await call(h.app, 'POST', '/inventory-api/v1/msisdn/90000999/assign', { subscriptionId: 'SUB-0999', customerId: 'CUST-00000999' });
  const pool = h.deps.database.pool;
  await pool.query(`UPDATE inventory.msisdn_pool SET status = 'ported_out' WHERE msisdn = '90000996'`);
  // Only the customer known (no subscription yet) on one number.
  await pool.query(`UPDATE inventory.msisdn_pool SET assigned_to_customer_id = 'CUST-1' WHERE msisdn = '90000997'`);
  const [, second, third] = (await pool.query<{ iccid: string }>(`SELECT iccid FROM inventory.esim_profile ORDER BY iccid LIMIT 3`)).rows.map((r) => r.iccid);
  await pool.query(`UPDATE inventory.esim_profile SET profile_state = 'downloaded', assigned_to_subscription_id = 'SUB-X' WHERE iccid = $1 AND iccid <> $2`, [second, iccid]);
  await pool.query(`UPDATE inventory.esim_profile SET profile_state = 'activated', assigned_msisdn = '90000998' WHERE iccid = $1 AND iccid <> $2`, [third, iccid]);
});
afterAll(async () => h?.close());

describe('TMF639 list with the JSON built by Postgres', () => {
  it('answers exactly the bytes and counts of the mapper path, for every state and filter', async () => {
    const queries: Record<string, string>[] = [
      { offset: '990', limit: '20' },
      { offset: '0', limit: '3' },
      { category: 'esimProfile', limit: '5' },
      { '@type': 'LogicalResource', offset: '994' },
      { resourceStatus: 'reserved' },
      { usageState: 'active' },
      { resourceStatus: 'unknown', usageState: 'idle' },
      { name: '90000999' },
      { category: 'msisdn', '@type': 'PhysicalResource' },
      { offset: '5000' },
    ];
    let seen = 0;
    for (const q of queries) {
      const res = await h.app.inject({ method: 'GET', url: `${BASE}?${new URLSearchParams(q)}`, headers: authHeaders() });
      expect(res.statusCode, res.body).toBe(200);
      const query = c.Tmf639ResourceListQuery.parse(q);
      const { items, total } = await listTmf639Resources(h.deps, query);
      expect(res.body).toBe(JSON.stringify(c.Tmf639ResourceFields.array().encode(items)));
      expect(res.headers['x-total-count']).toBe(String(total));
      expect(res.headers['x-result-count']).toBe(String(items.length));
      for (const r of res.json()) expect(tmf639.validate('Resource', r)).toEqual([]);
      seen += items.length;
    }
    expect(seen).toBeGreaterThan(30);
  });

  it('the page above really holds every shape', async () => {
    const page = (await call(h.app, 'GET', `${BASE}?offset=994&limit=9`)).body as c.Tmf639Resource[];
    expect(page.map((r) => r.resourceStatus)).toEqual(['available', 'available', 'unknown', 'reserved', 'available', 'reserved', 'reserved', 'reserved', 'reserved']);
    expect(page[2]).toMatchObject({ operationalState: 'disable', administrativeState: 'locked' });
    expect(page[3]!.relatedParty).toEqual([{ id: 'CUST-1', role: 'owner', '@referredType': 'Customer' }]);
    expect(page[5]!.relatedParty).toHaveLength(2);
    expect(page.filter((r) => r.resourceRelationship).length).toBe(2);
    expect(page.some((r) => r.relatedParty?.[0]?.role === 'subscription')).toBe(true);
  });
});
