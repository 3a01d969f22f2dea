// Idempotency keys are scoped per customer: two customers may choose the same key and each gets their own
// charge (and their own gateway charge), and a clash only ever reports the requesting customer's own payment.
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockProvider } from '../../src/adapters/mock.provider.ts';
import type { GatewayCharge } from '../../src/adapters/provider.ts';
import { buildTestApp, cardBody, http, METHODS, outboxEvents, PAYMENTS, type TestApp } from '../helpers.ts';

let db: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof http>;
const gatewayCalls: GatewayCharge[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const mock = createMockProvider();
  t = await buildTestApp(db, {
    provider: { ...mock, gateway: { ...mock.gateway, charge: (request) => (gatewayCalls.push(request), mock.gateway.charge(request)) } },
  });
  api = http(t.app);
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

const addCard = async (customerId: string) => (await api.post(METHODS, cardBody(customerId))).json().id as string;
const charge = (customerId: string, paymentMethodId: string, amount: string) =>
  api.post(PAYMENTS, { customerId, paymentMethodId, amount, purpose: 'vas', idempotencyKey: 'shared-key-0001' });

describe('idempotency keys per customer', () => {
  it('charges customers A and B independently under the same key, each once at the gateway', async () => {
    const [pmA, pmB] = [await addCard('CUST-scope-a'), await addCard('CUST-scope-b')];
    const a = await charge('CUST-scope-a', pmA, '10.00');
    const b = await charge('CUST-scope-b', pmB, '20.00');
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json()).toMatchObject({ account: { id: 'CUST-scope-a' }, totalAmount: { value: 10 }, status: 'approved', correlatorId: 'shared-key-0001' });
    expect(b.json()).toMatchObject({ account: { id: 'CUST-scope-b' }, totalAmount: { value: 20 }, status: 'approved', correlatorId: 'shared-key-0001' });
    expect(a.json().id).not.toBe(b.json().id);
    // Two real gateway charges: the gateway key is each attempt's own id, never the shared caller key.
    expect(gatewayCalls.map((c) => c.idempotencyKey)).toEqual([a.json().id, b.json().id]);
    expect(a.json().authorizationCode).not.toBe(b.json().authorizationCode);
    const charged = (await outboxEvents(db, 'payment.charged')).map((e) => e.aggregate_id);
    expect(charged).toEqual([a.json().id, b.json().id]);

    // Each replay finds its own customer's attempt.
    expect((await charge('CUST-scope-a', pmA, '10.00')).json().id).toBe(a.json().id);
    expect((await charge('CUST-scope-b', pmB, '20.00')).json().id).toBe(b.json().id);
    expect(gatewayCalls).toHaveLength(2);
  });

  it("refuses a clash for one customer naming only that customer's payment, never the other's", async () => {
    const [pmA, pmB] = [await addCard('CUST-clash-a'), await addCard('CUST-clash-b')];
    const key = 'clash-key-0001';
    const b = await api.post(PAYMENTS, { customerId: 'CUST-clash-b', paymentMethodId: pmB, amount: '5.00', purpose: 'vas', idempotencyKey: key });
    const a = await api.post(PAYMENTS, { customerId: 'CUST-clash-a', paymentMethodId: pmA, amount: '5.00', purpose: 'vas', idempotencyKey: key });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);

    const clash = await api.post(PAYMENTS, { customerId: 'CUST-clash-a', paymentMethodId: pmA, amount: '6.00', purpose: 'vas', idempotencyKey: key });
    expect(clash.statusCode).toBe(422);
    expect(clash.json()).toMatchObject({
      reason: 'payment.charge.idempotency_key_matches_request',
      context: { idempotencyKey: key, paymentId: a.json().id, differingFields: ['amount'] },
    });
    expect(clash.body).not.toContain(b.json().id);
    expect(clash.body).not.toContain('CUST-clash-b');
  });
});
