// Bad input on every route family (MSISDN, eSIM, TMF639, port requests): missing/invalid token → 401,
// malformed JSON and wrong types → 400 with the envelope — never a 500.
import { authHeaders } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHarness, type Harness } from './inventory/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const ROUTES: [string, 'GET' | 'POST', string][] = [
  ['msisdn', 'GET', '/inventory-api/v1/msisdn'],
  ['msisdn', 'POST', '/inventory-api/v1/msisdn/reserve-next'],
  ['esim', 'GET', '/inventory-api/v1/esim'],
  ['esim', 'POST', '/inventory-api/v1/esim/reserve'],
  ['tmf639', 'GET', '/tmf-api/resourceInventoryManagement/v4/resource'],
  ['porting', 'GET', '/crm-api/v1/port-requests'],
  ['porting', 'POST', '/crm-api/v1/port-requests'],
];

describe('perimeter', () => {
  it.each(ROUTES)('%s %s %s without a token → 401 AUTH_MISSING_TOKEN, wrong token → AUTH_INVALID_TOKEN', async (_f, method, url) => {
    const missing = await call(h.app, method, url, undefined, {});
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('AUTH_MISSING_TOKEN');
    const wrong = await call(h.app, method, url, undefined, { 'x-bss-api-token': 'w'.repeat(40) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('AUTH_INVALID_TOKEN');
  });
});

describe('malformed requests', () => {
  it.each([
    ['/inventory-api/v1/msisdn/reserve-next'],
    ['/inventory-api/v1/msisdn/90000001/assign'],
    ['/inventory-api/v1/msisdn/add-range'],
    ['/inventory-api/v1/esim/8910101000000000001/assign-msisdn'],
    ['/crm-api/v1/port-requests'],
    ['/crm-api/v1/port-requests/PORT-00000001/reject'],
  ])('POST %s with malformed JSON → 400 request.malformed_json', async (url) => {
    const res = await call(h.app, 'POST', url, '{"prefix":');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'request.malformed_json' });
  });

  it.each([
    ['/inventory-api/v1/msisdn/reserve-next', { preference: 9000 }, 'body.preference'],
    ['/inventory-api/v1/msisdn/reserve-next', { preference: '90%' }, 'body.preference'],
    ['/inventory-api/v1/msisdn/90000001/assign', { subscriptionId: 'SUB-1' }, 'body.customerId'],
    ['/inventory-api/v1/msisdn/add-range', { prefix: '8100', count: '10' }, 'body.count'],
    ['/inventory-api/v1/msisdn/add-range', { prefix: '8100', count: 1.5 }, 'body.count'],
    ['/inventory-api/v1/esim/8910101000000000001/assign-msisdn', { msisdn: 42 }, 'body.msisdn'],
    ['/crm-api/v1/port-requests', { direction: 'port_in', donorCarrier: 'X', donorMsisdn: '81230000', requestedPortDate: '15/06/2026' }, 'body.requestedPortDate'],
    ['/crm-api/v1/port-requests', { direction: 'port_in', donorCarrier: '', donorMsisdn: 'abc', requestedPortDate: '2026-06-15' }, 'body.donorMsisdn'],
    ['/crm-api/v1/port-requests/PORT-00000001/reject', { reason: 7 }, 'body.reason'],
  ])('POST %s %j → 400 naming %s', async (url, body, field) => {
    const res = await call(h.app, 'POST', url, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.context.issues.map((i: { field: string }) => i.field)).toContain(field);
  });

  it.each([
    ['/inventory-api/v1/msisdn/not-a-number', 'params.msisdn'],
    ['/inventory-api/v1/esim/123', 'params.iccid'],
    ['/inventory-api/v1/msisdn?limit=0', 'querystring.limit'],
    ['/inventory-api/v1/msisdn?status=lost', 'querystring.status'],
    ['/inventory-api/v1/esim?state=recycled', 'querystring.state'],
    ['/tmf-api/resourceInventoryManagement/v4/resource?offset=-1', 'querystring.offset'],
    ['/crm-api/v1/port-requests?direction=sideways', 'querystring.direction'],
  ])('GET %s → 400 naming %s', async (url, field) => {
    const res = await call(h.app, 'GET', url);
    expect(res.status).toBe(400);
    expect(res.body.context.issues.map((i: { field: string }) => i.field)).toContain(field);
  });

  it('never answers 500 to a non-JSON content type', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/crm-api/v1/port-requests', payload: 'direction=port_in', headers: { ...authHeaders(), 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});

describe('API documentation', () => {
  it('documents every inventory and porting route in openapi.json with the contract components', async () => {
    const res = await call(h.app, 'GET', '/openapi.json');
    expect(res.status).toBe(200);
    const paths = Object.keys(res.body.paths);
    for (const p of [
      '/inventory-api/v1/msisdn', '/inventory-api/v1/msisdn/count', '/inventory-api/v1/msisdn/reserve-next', '/inventory-api/v1/msisdn/add-range',
      '/inventory-api/v1/msisdn/{msisdn}', '/inventory-api/v1/msisdn/{msisdn}/reserve', '/inventory-api/v1/msisdn/{msisdn}/assign', '/inventory-api/v1/msisdn/{msisdn}/release',
      '/inventory-api/v1/esim', '/inventory-api/v1/esim/reserve', '/inventory-api/v1/esim/{iccid}', '/inventory-api/v1/esim/{iccid}/activation',
      '/inventory-api/v1/esim/{iccid}/assign-msisdn', '/inventory-api/v1/esim/{iccid}/mark-downloaded', '/inventory-api/v1/esim/{iccid}/mark-activated',
      '/inventory-api/v1/esim/{iccid}/recycle', '/inventory-api/v1/esim/{iccid}/release',
      '/tmf-api/resourceInventoryManagement/v4/resource', '/tmf-api/resourceInventoryManagement/v4/resource/{id}',
      '/crm-api/v1/port-requests', '/crm-api/v1/port-requests/{portId}', '/crm-api/v1/port-requests/{portId}/validate',
      '/crm-api/v1/port-requests/{portId}/approve', '/crm-api/v1/port-requests/{portId}/reject', '/crm-api/v1/port-requests/{portId}/complete',
    ]) expect(paths, p).toContain(p);
    expect(Object.keys(res.body.components.schemas)).toEqual(expect.arrayContaining(['Msisdn', 'MsisdnCount', 'EsimProfile', 'EsimActivation', 'PortRequest', 'Tmf639Resource']));
  });
});
