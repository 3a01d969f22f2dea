// The CRM adapter against a real local HTTP server: TMF629 bodies, 404 envelopes, 503s and timeouts.
import { ServiceUnavailableError } from '@bss/clients';
import { TEST_TOKEN } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrmCustomerDirectory } from '../../src/adapters/customer-directory.ts';
import { notFoundEnvelope, startStub, type StubServer } from '../stub-server.ts';

let crm: StubServer;

beforeAll(async () => {
  crm = await startStub((req) => {
    const id = decodeURIComponent((req.url ?? '').split('/').pop() ?? '');
    if (id === 'CUST-down') return { status: 503, body: { code: 'INTERNAL' } };
    if (id === 'CUST-slow') return { status: 200, body: { id, status: 'active' }, delayMs: 500 };
    if (id === 'CUST-odd') return { status: 200, body: { id } };
    if (id.startsWith('CUST-')) {
      // A TMF629 Customer with more than the adapter reads: extra attributes must not break it.
      return {
        status: 200,
        body: {
          id,
          href: `http://crm/tmf-api/customerManagement/v4/customer/${id}`,
          name: 'Ada Lovelace',
          status: id === 'CUST-pend' ? 'pending' : 'active',
          engagedParty: { id: 'PTY-1a2b3c4d', '@referredType': 'Individual' },
          contactMedium: [],
          '@type': 'Customer',
        },
      };
    }
    return notFoundEnvelope('customer', id);
  });
});
afterAll(async () => crm?.close());

describe('CRM customer directory', () => {
  it('reads the status of a TMF629 customer and sends the perimeter token', async () => {
    const dir = createCrmCustomerDirectory({ baseUrl: crm.url, token: TEST_TOKEN });
    expect(await dir.getCustomerStatus('CUST-1a2b3c4d')).toBe('active');
    expect(await dir.getCustomerStatus('CUST-pend')).toBe('pending');
    const req = crm.requests.find((r) => r.url === '/tmf-api/customerManagement/v4/customer/CUST-1a2b3c4d');
    expect(req?.method).toBe('GET');
    expect(req?.headers['x-bss-api-token']).toBe(TEST_TOKEN);
  });

  it('answers undefined for a 404 envelope (the customer does not exist)', async () => {
    const dir = createCrmCustomerDirectory({ baseUrl: crm.url, token: TEST_TOKEN });
    expect(await dir.getCustomerStatus('NOPE-1')).toBeUndefined();
  });

  it('raises ServiceUnavailableError on 503, timeouts, unreachable hosts and unexpected shapes', async () => {
    const dir = createCrmCustomerDirectory({ baseUrl: crm.url, token: TEST_TOKEN, timeoutMs: 100 });
    await expect(dir.getCustomerStatus('CUST-down')).rejects.toMatchObject({ reason: 'downstream.unavailable', status: 503 });
    await expect(dir.getCustomerStatus('CUST-slow')).rejects.toMatchObject({ reason: 'downstream.timeout' });
    await expect(dir.getCustomerStatus('CUST-odd')).rejects.toBeInstanceOf(ServiceUnavailableError);
    const nowhere = createCrmCustomerDirectory({ baseUrl: 'http://127.0.0.1:1', token: TEST_TOKEN, timeoutMs: 500 });
    await expect(nowhere.getCustomerStatus('CUST-1')).rejects.toMatchObject({ reason: 'downstream.unreachable' });
  });
});
