// The subscription adapter (and the subscription client under it) against a real local HTTP server.
import { createSubscriptionClient, ServiceUnavailableError } from '@bss/clients';
import { TEST_TOKEN } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpSubscriptionDirectory } from '../../src/adapters/subscription-directory.ts';
import { startStub, type StubServer } from '../stub-server.ts';

let subs: StubServer;

const sub = (id: string, customerId: string, state: string) => ({
  id,
  href: `/subscription-api/v1/subscription/${id}`,
  customerId,
  offeringId: 'PLAN_M',
  state,
  priceAmount: '25.00',
  atType: 'Subscription',
});

beforeAll(async () => {
  subs = await startStub((req) => {
    const customerId = new URL(req.url ?? '/', 'http://x').searchParams.get('customerId');
    if (customerId === 'CUST-down') return { status: 503 };
    if (customerId === 'CUST-mixed') {
      return { status: 200, body: [sub('SUB-0003', customerId, 'terminated'), sub('SUB-0002', customerId, 'blocked'), sub('SUB-0001', customerId, 'active')] };
    }
    if (customerId === 'CUST-gone') return { status: 200, body: [sub('SUB-0009', customerId, 'terminated')] };
    return { status: 200, body: [] };
  });
});
afterAll(async () => subs?.close());

describe('subscription client and directory', () => {
  it('lists a customer’s subscriptions with the minimal contract shape', async () => {
    const client = createSubscriptionClient({ baseUrl: subs.url, token: TEST_TOKEN });
    expect(await client.listByCustomer('CUST-mixed')).toEqual([
      { id: 'SUB-0003', customerId: 'CUST-mixed', state: 'terminated' },
      { id: 'SUB-0002', customerId: 'CUST-mixed', state: 'blocked' },
      { id: 'SUB-0001', customerId: 'CUST-mixed', state: 'active' },
    ]);
    expect(subs.requests.at(-1)?.url).toBe('/subscription-api/v1/subscription?customerId=CUST-mixed');
  });

  it('counts pending, active and blocked subscriptions as live, terminated ones not', async () => {
    const dir = createHttpSubscriptionDirectory({ baseUrl: subs.url, token: TEST_TOKEN });
    expect(await dir.listLiveSubscriptionIds('CUST-mixed')).toEqual(['SUB-0002', 'SUB-0001']);
    expect(await dir.listLiveSubscriptionIds('CUST-gone')).toEqual([]);
    expect(await dir.listLiveSubscriptionIds('CUST-none')).toEqual([]);
  });

  it('raises ServiceUnavailableError when the subscription service answers 503', async () => {
    const dir = createHttpSubscriptionDirectory({ baseUrl: subs.url, token: TEST_TOKEN });
    await expect(dir.listLiveSubscriptionIds('CUST-down')).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});
