// resetInventory / resetPorting restore the seeded pools and clear port requests; findMsisdnAssignment is the
// read the CRM core uses to find who holds a number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMsisdnAssignment } from '../src/inventory/repositories/msisdn.repository.ts';
import { resetInventory } from '../src/inventory/reset.ts';
import { resetPorting } from '../src/porting/reset.ts';
import { call, startHarness, type Harness } from './inventory/harness.ts';

let h: Harness;
const M = '/inventory-api/v1/msisdn';
const E = '/inventory-api/v1/esim';

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('findMsisdnAssignment', () => {
  it('returns the holder of an assigned number, the bare status otherwise, undefined when unknown', async () => {
    await call(h.app, 'POST', `${M}/90000050/reserve`);
    await call(h.app, 'POST', `${M}/90000050/assign`, { subscriptionId: 'SUB-0050', customerId: 'CUST-00000050' });
    expect(await findMsisdnAssignment(h.db.db, '90000050')).toEqual({ msisdn: '90000050', status: 'assigned', customerId: 'CUST-00000050', subscriptionId: 'SUB-0050' });
    expect(await findMsisdnAssignment(h.db.db, '90000051')).toEqual({ msisdn: '90000051', status: 'available', customerId: null, subscriptionId: null });
    expect(await findMsisdnAssignment(h.db.db, '12345678')).toBeUndefined();
  });
});

describe('operational reset', () => {
  it('restores every number and profile to available with links cleared, deletes port-in numbers, keeps range stock', async () => {
    // dirty everything: a reservation, an assignment bound to an activated eSIM, a port-out, a port-in, a range
    await call(h.app, 'POST', `${M}/reserve-next`);
    await call(h.app, 'POST', `${M}/90000060/reserve`);
    const iccid = (await call(h.app, 'POST', `${E}/reserve`)).body.iccid;
    await call(h.app, 'POST', `${E}/${iccid}/assign-msisdn`, { msisdn: '90000060' });
    await call(h.app, 'POST', `${M}/90000060/assign`, { subscriptionId: 'SUB-0060', customerId: 'CUST-00000060' });
    await call(h.app, 'POST', `${E}/${iccid}/mark-downloaded`);
    await call(h.app, 'POST', `${E}/${iccid}/mark-activated`);
    await call(h.app, 'POST', `${E}/reserve`);
    const out = await call(h.app, 'POST', '/crm-api/v1/port-requests', { direction: 'port_out', donorCarrier: 'R', donorMsisdn: '90000050', requestedPortDate: '2026-06-10', targetSubscriptionId: 'SUB-0050' });
    await call(h.app, 'POST', `/crm-api/v1/port-requests/${out.body.id}/approve`);
    const pin = await call(h.app, 'POST', '/crm-api/v1/port-requests', { direction: 'port_in', donorCarrier: 'R', donorMsisdn: '81110000', requestedPortDate: '2026-06-10', targetSubscriptionId: 'SUB-0070', targetCustomerId: 'CUST-00000070' });
    await call(h.app, 'POST', `/crm-api/v1/port-requests/${pin.body.id}/approve`);
    await call(h.app, 'POST', `${M}/add-range`, { prefix: '8200', count: 5 });
    expect((await call(h.app, 'GET', `${M}/count`)).body).toMatchObject({ portedOut: 1, assigned: 2, reserved: 1, total: 1006 });

    const reports = await h.db.db.transaction(async (tx) => ({ inventory: await resetInventory(tx), porting: await resetPorting(tx) }));
    expect(reports.inventory).toEqual({ schema: 'inventory', truncated: ['inventory.idempotency_key'], updated: ['inventory.esim_profile', 'inventory.msisdn_pool'] });
    expect(reports.porting).toEqual(['crm.port_request']);

    expect((await call(h.app, 'GET', `${M}/count`)).body).toEqual({ available: 1005, reserved: 0, assigned: 0, portedOut: 0, total: 1005, prefix: null });
    expect((await call(h.app, 'GET', `${M}/81110000`)).status).toBe(404);
    const dirty = await h.db.pool.query(`
      SELECT count(*)::int AS n FROM inventory.msisdn_pool
      WHERE reserved_at IS NOT NULL OR assigned_at IS NOT NULL OR assigned_to_subscription_id IS NOT NULL
         OR assigned_to_customer_id IS NOT NULL OR ported_out_at IS NOT NULL OR port_request_id IS NOT NULL`);
    expect(dirty.rows[0].n).toBe(0);
    const esims = await h.db.pool.query(`
      SELECT count(*) FILTER (WHERE profile_state = 'available')::int AS available,
             count(*) FILTER (WHERE assigned_msisdn IS NOT NULL OR assigned_to_subscription_id IS NOT NULL OR assigned_to_customer_id IS NOT NULL
                               OR reserved_at IS NOT NULL OR downloaded_at IS NOT NULL OR activated_at IS NOT NULL)::int AS linked
      FROM inventory.esim_profile`);
    expect(esims.rows[0]).toEqual({ available: 1000, linked: 0 });
    const ports = await call(h.app, 'GET', '/crm-api/v1/port-requests');
    expect(ports.body).toEqual([]);
    // the reset pool behaves like a fresh one
    expect((await call(h.app, 'POST', `${M}/reserve-next`)).body.msisdn).toBe('82000000');
    expect((await call(h.app, 'POST', `${E}/reserve`)).body.iccid).toBe('8910101000000000000');
  });
});
