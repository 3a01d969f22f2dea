// createInventoryClient against a really listening app: every method round-trips and parses with the
// contract schemas; downstream errors come back as typed errors carrying the rule id.
import { createInventoryClient, NotFoundError, PolicyViolationError, type InventoryClient } from '@bss/clients';
import { TEST_TOKEN } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './inventory/harness.ts';

let h: Harness;
let client: InventoryClient;

beforeAll(async () => {
  h = await startHarness();
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = h.app.server.address();
  client = createInventoryClient({ baseUrl: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`, token: TEST_TOKEN, actor: 'test', channel: 'cli' });
});
afterAll(async () => h?.close());

describe('inventory client', () => {
  it('drives the MSISDN pool', async () => {
    const page = await client.listMsisdns({ prefix: '90000', limit: 5 });
    expect(page.total).toBe(1000);
    expect(page.items).toHaveLength(5);
    expect((await client.countMsisdns('9000001')).total).toBe(10);
    expect((await client.getMsisdn('90000004')).status).toBe('available');
    expect((await client.reserveMsisdn('90000004')).status).toBe('reserved');
    expect((await client.reserveNextMsisdn()).msisdn).toBe('90000000');
    expect((await client.reserveNextMsisdn('900009')).msisdn).toBe('90000900');
    expect((await client.assignMsisdn('90000004', { subscriptionId: 'SUB-4', customerId: 'CUST-4' })).assignedToCustomerId).toBe('CUST-4');
    expect((await client.releaseMsisdn('90000004')).status).toBe('available');
    expect(await client.addMsisdnRange({ prefix: '8300', count: 3 })).toMatchObject({ inserted: 3, last: '83000002' });
  });

  it('drives the eSIM pool', async () => {
    const page = await client.listEsims({ state: 'available', limit: 2 });
    expect(page.total).toBe(1000);
    const esim = await client.reserveEsim();
    expect((await client.getEsim(esim.iccid)).profileState).toBe('reserved');
    await client.reserveMsisdn('90000005');
    expect((await client.assignEsimMsisdn(esim.iccid, { msisdn: '90000005' })).assignedMsisdn).toBe('90000005');
    expect((await client.markEsimDownloaded(esim.iccid)).profileState).toBe('downloaded');
    expect((await client.markEsimActivated(esim.iccid)).profileState).toBe('activated');
    expect((await client.getEsimActivation(esim.iccid)).activationCode).toMatch(/^LPA:1\$/);
    expect((await client.recycleEsim(esim.iccid)).profileState).toBe('available');
    const other = await client.reserveEsim();
    expect((await client.releaseEsim(other.iccid)).profileState).toBe('available');
  });

  it('reads the TMF639 view', async () => {
    const page = await client.listResources({ '@type': 'LogicalResource', limit: 2 });
    expect(page.items.map((r) => r.id)).toEqual(['MSISDN-83000000', 'MSISDN-83000001']);
    expect((await client.getResource('ESIM-8910101000000000009')).category).toBe('esimProfile');
  });

  it('drives port requests', async () => {
    const created = await client.createPortRequest({ direction: 'port_in', donorCarrier: 'X', donorMsisdn: '84440000', requestedPortDate: '2026-07-01' });
    expect((await client.getPortRequest(created.id)).state).toBe('requested');
    expect((await client.validatePortRequest(created.id)).state).toBe('validated');
    expect((await client.approvePortRequest(created.id)).state).toBe('approved');
    expect((await client.completePortRequest(created.id)).state).toBe('completed');
    const other = await client.createPortRequest({ direction: 'port_in', donorCarrier: 'X', donorMsisdn: '84440001', requestedPortDate: '2026-07-01' });
    expect((await client.rejectPortRequest(other.id, 'no')).state).toBe('rejected');
    const page = await client.listPortRequests({ direction: 'port_in' });
    expect(page.total).toBe(2);
  });

  it('raises typed errors with the rule id', async () => {
    await expect(client.getMsisdn('11111111')).rejects.toBeInstanceOf(NotFoundError);
    const err = await client.releaseMsisdn('90000999').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PolicyViolationError);
    expect((err as PolicyViolationError).rule).toBe('msisdn.release.only_if_reserved_or_assigned');
  });
});
