// Charges and history through the HTTP API: outcomes, events, idempotent replays and each charge rule.
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockProvider } from '../../src/adapters/mock.provider.ts';
import { buildTestApp, cardBody, chargeBody, DECLINE_CARD, ERROR_CARD, http, METHODS, outboxEvents, PAYMENTS, type TestApp } from '../helpers.ts';

let db: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof http>;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db);
  api = http(t.app);
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

const addCard = async (customerId: string, cardNumber?: string): Promise<string> => {
  const res = await api.post(METHODS, cardBody(customerId, cardNumber ? { cardNumber } : {}));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
};
// TMF676 Payment has no reason attribute: the decline code and reason live in the row and the payment.* events.
const declineOf = async (id: string) =>
  (await db.pool.query('SELECT decline_code, decline_reason FROM payment.payment_attempt WHERE id = $1', [id])).rows[0];
const attemptRows = async (key: string) =>
  (await db.pool.query('SELECT id, amount, status FROM payment.payment_attempt WHERE idempotency_key = $1', [key])).rows;

describe('charge outcomes', () => {
  it('approves in full, answers 201 with the stored amount, and stages payment.charged', async () => {
    const pm = await addCard('CUST-pay1');
    const body = chargeBody('CUST-pay1', pm, { amount: '25' });
    const res = await api.post(PAYMENTS, body);
    expect(res.statusCode).toBe(201);
    const pay = res.json();
    expect(pay).toMatchObject({
      account: { id: 'CUST-pay1', '@referredType': 'Customer' },
      payer: { id: 'CUST-pay1', role: 'payer' },
      paymentMethod: { id: pm },
      totalAmount: { value: 25, unit: 'SGD' },
      status: 'approved',
      correlatorId: body.idempotencyKey,
      paymentDate: '2026-06-01T00:00:00.000Z',
      statusDate: '2026-06-01T00:00:00.000Z',
      '@type': 'Payment',
    });
    expect(pay.id).toMatch(/^PAY-\d{6,}$/);
    expect(pay.href).toBe(`http://localhost:8003${PAYMENTS}/${pay.id}`);
    expect(res.headers.location).toBe(pay.href);
    expect(pay.authorizationCode).toMatch(/^mock_/);
    expect(await attemptRows(body.idempotencyKey)).toEqual([{ id: pay.id, amount: '25.00', status: 'approved' }]);
    const [event] = (await outboxEvents(db, 'payment.charged')).filter((e) => e.aggregate_id === pay.id);
    expect(event!.payload).toMatchObject({ paymentId: pay.id, customerId: 'CUST-pay1', amount: '25.00', status: 'approved', purpose: 'activation' });
  });

  it('declines the decline test card in full (201, status declined, payment.declined)', async () => {
    const pm = await addCard('CUST-pay2', DECLINE_CARD);
    const res = await api.post(PAYMENTS, chargeBody('CUST-pay2', pm, { purpose: 'renewal' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'declined' });
    expect(await declineOf(res.json().id)).toEqual({ decline_code: 'card_declined', decline_reason: 'card declined by issuer' });
    const events = (await outboxEvents(db, 'payment.declined')).filter((e) => e.aggregate_id === res.json().id);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ status: 'declined', declineCode: 'card_declined' });
  });

  it('records a gateway error as errored (payment.errored), not retried', async () => {
    const pm = await addCard('CUST-pay3', ERROR_CARD);
    const res = await api.post(PAYMENTS, chargeBody('CUST-pay3', pm, { purpose: 'vas' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'errored' });
    expect((await declineOf(res.json().id)).decline_code).toBe('processing_error');
    expect((await outboxEvents(db, 'payment.errored')).filter((e) => e.aggregate_id === res.json().id)).toHaveLength(1);
  });

  it('turns a gateway transport failure into one final errored attempt', async () => {
    const mock = createMockProvider();
    let calls = 0;
    const flaky = await buildTestApp(db, {
      provider: { ...mock, gateway: { ...mock.gateway, charge: async () => { calls += 1; throw new Error('socket hang up'); } } },
    });
    const pm = await addCard('CUST-pay4');
    const res = await http(flaky.app).post(PAYMENTS, chargeBody('CUST-pay4', pm));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'errored' });
    expect((await declineOf(res.json().id)).decline_code).toBe('gateway_unavailable');
    expect(calls).toBe(1);
    await flaky.app.close();
  });
});

describe('idempotency', () => {
  it('returns the first attempt for the same key (200, same id) and charges once', async () => {
    const pm = await addCard('CUST-idem');
    const body = chargeBody('CUST-idem', pm);
    const first = await api.post(PAYMENTS, body);
    const again = await api.post(PAYMENTS, { ...body, amount: '25' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await attemptRows(body.idempotencyKey)).toHaveLength(1);
    expect((await outboxEvents(db, 'payment.charged')).filter((e) => e.aggregate_id === first.json().id)).toHaveLength(1);
  });

  it('refuses the same key for a different charge (payment.charge.idempotency_key_matches_request)', async () => {
    const pm = await addCard('CUST-idem2');
    const body = chargeBody('CUST-idem2', pm);
    const first = await api.post(PAYMENTS, body);
    const res = await api.post(PAYMENTS, { ...body, amount: '30.00' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      reason: 'payment.charge.idempotency_key_matches_request',
      context: { paymentId: first.json().id, differingFields: ['amount'] },
    });
    expect(await attemptRows(body.idempotencyKey)).toEqual([{ id: first.json().id, amount: '25.00', status: 'approved' }]);
  });
});

describe('charge policies', () => {
  it('refuses an unknown method (payment.charge.method_not_found)', async () => {
    const res = await api.post(PAYMENTS, chargeBody('CUST-pol', 'PM-0000000'));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ reason: 'payment.charge.method_not_found', context: { paymentMethodId: 'PM-0000000' } });
  });

  it('refuses a removed method (payment.charge.method_active)', async () => {
    const pm = await addCard('CUST-pol2');
    await api.del(`${METHODS}/${pm}`);
    const res = await api.post(PAYMENTS, chargeBody('CUST-pol2', pm));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ reason: 'payment.charge.method_active', context: { status: 'removed' } });
  });

  it('refuses zero and negative amounts (payment.charge.positive_amount), writing nothing', async () => {
    const pm = await addCard('CUST-pol3');
    for (const amount of ['0.00', '-5']) {
      const body = chargeBody('CUST-pol3', pm, { amount });
      const res = await api.post(PAYMENTS, body);
      expect(res.statusCode).toBe(422);
      expect(res.json().reason).toBe('payment.charge.positive_amount');
      expect(await attemptRows(body.idempotencyKey)).toHaveLength(0);
    }
  });

  it("refuses another customer's method (payment.charge.customer_matches_method) without naming its owner", async () => {
    const pm = await addCard('CUST-owner');
    const res = await api.post(PAYMENTS, chargeBody('CUST-thief', pm));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ reason: 'payment.charge.customer_matches_method' });
    expect(res.json().context).toEqual({ requestedCustomerId: 'CUST-thief', paymentMethodId: pm });
    expect(res.body).not.toContain('CUST-owner');
  });

  it('refuses a token issued by another provider (payment.charge.token_provider_matches_active)', async () => {
    const pm = await addCard('CUST-cutover');
    // As after a provider cutover: the row's token belongs to a provider that is no longer active.
    await db.pool.query(`UPDATE payment.payment_method SET token_provider = 'stripe' WHERE id = $1`, [pm]);
    const res = await api.post(PAYMENTS, chargeBody('CUST-cutover', pm));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      reason: 'payment.charge.token_provider_matches_active',
      context: { rowTokenProvider: 'stripe', activeProvider: 'mock' },
    });
  });
});

describe('history', () => {
  it('lists newest first with offset/limit and X-Total-Count, counts, and gets one', async () => {
    const pm = await addCard('CUST-hist');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      t.platform.clock.advance(60_000);
      ids.push((await api.post(PAYMENTS, chargeBody('CUST-hist', pm, { amount: `${10 + i}.50` }))).json().id);
    }
    const page = await api.get(`${PAYMENTS}?customerId=CUST-hist&offset=1&limit=1`);
    expect(page.statusCode).toBe(200);
    expect(page.json().map((p: { id: string }) => p.id)).toEqual([ids[1]]);
    expect(page.headers['x-total-count']).toBe('3');
    expect(page.headers['x-result-count']).toBe('1');
    const all = await api.get(`${PAYMENTS}?customerId=CUST-hist`);
    expect(all.json().map((p: { id: string }) => p.id)).toEqual([...ids].reverse());
    expect((await api.get(`${PAYMENTS}/count?customerId=CUST-hist`)).json()).toEqual({ count: 3 });
    expect((await api.get(`${PAYMENTS}/count?customerId=CUST-nobody`)).json()).toEqual({ count: 0 });
    const one = await api.get(`${PAYMENTS}/${ids[0]}`);
    expect(one.json()).toMatchObject({ id: ids[0], totalAmount: { value: 10.5, unit: 'SGD' } });
  });

  it('answers 404 payment.not_found for an unknown attempt', async () => {
    const res = await api.get(`${PAYMENTS}/PAY-999999999`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'payment.not_found', context: { paymentId: 'PAY-999999999' } });
  });
});

describe('reset', () => {
  it('clears methods and attempts but keeps the id sequences counting', async () => {
    const before = await addCard('CUST-reset');
    await api.post(PAYMENTS, chargeBody('CUST-reset', before));
    const res = await api.post('/admin-api/v1/reset-operational-data', {});
    expect(res.statusCode).toBe(200);
    expect(res.json().schemas).toEqual([{ schema: 'payment', truncated: ['payment.payment_attempt', 'payment.payment_method'], updated: [] }]);
    const counts = await db.pool.query(
      'SELECT (SELECT count(*) FROM payment.payment_method)::int AS methods, (SELECT count(*) FROM payment.payment_attempt)::int AS attempts',
    );
    expect(counts.rows[0]).toEqual({ methods: 0, attempts: 0 });
    const after = await addCard('CUST-reset');
    expect(Number(after.slice(3))).toBeGreaterThan(Number(before.slice(3)));
  });
});
