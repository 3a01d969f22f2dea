// Contract test of the customer DELETE guard (customer.delete.no_live_subscriptions) through the production HTTP
// subscription client against a stub subscription service (node:http on port 0): the guard asks the real endpoint,
// counts a blocked line as live, lets a customer with only terminated lines go, and deletes nothing when the
// subscription service is down.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './crm-harness.ts';

const BASE = '/tmf-api/customerManagement/v4/customer';
let h: Harness;
let server: Server;
const seen: string[] = [];
/** customerId → the subscription list the stub answers; 'down' answers 503. */
const answers = new Map<string, unknown[] | 'down'>();

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    const customerId = new URL(req.url ?? '/', 'http://x').searchParams.get('customerId') ?? '';
    const answer = answers.get(customerId) ?? [];
    res.writeHead(answer === 'down' ? 503 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer === 'down' ? { code: 'INTERNAL' } : answer));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  h = await startHarness({ subscriptionUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
afterAll(async () => {
  await h?.close();
  server?.closeAllConnections();
  await new Promise<void>((r) => server?.close(() => r()));
});

const newPending = async (tag: string) => (await h.call('POST', BASE, { name: `Del ${tag}`, engagedParty: { id: `IND-${tag}`, '@referredType': 'Individual' } })).json() as { id: string };

describe('DELETE customer against a live subscription service', () => {
  it('refuses while the subscription service reports a blocked line', async () => {
    const c = await newPending('blocked');
    answers.set(c.id, [{ id: 'SUB-0007', customerId: c.id, state: 'blocked' }]);
    const res = await h.call('DELETE', `${BASE}/${c.id}`);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ reason: 'customer.delete.no_live_subscriptions', context: { liveSubscriptions: ['SUB-0007'] } });
    expect(seen).toContain(`/subscription-api/v1/subscription?customerId=${c.id}`);
  });

  it('deletes when every subscription is terminated', async () => {
    const c = await newPending('ended');
    answers.set(c.id, [{ id: 'SUB-0008', customerId: c.id, state: 'terminated' }]);
    expect((await h.call('DELETE', `${BASE}/${c.id}`)).statusCode).toBe(204);
    expect((await h.call('GET', `${BASE}/${c.id}`)).statusCode).toBe(404);
  });

  it('answers 503 and deletes nothing when the subscription service is down', async () => {
    const c = await newPending('down');
    answers.set(c.id, 'down');
    const res = await h.call('DELETE', `${BASE}/${c.id}`);
    expect([res.statusCode, res.json().code]).toEqual([503, 'DOWNSTREAM_UNAVAILABLE']);
    expect((await h.call('GET', `${BASE}/${c.id}`)).statusCode).toBe(200);
  });
});
