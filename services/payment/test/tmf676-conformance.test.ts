// TMF676 Payment conformance: create (official Payment_Create bodies, mandatory-only and with every attribute,
// and the shorthand) → get → list with filters and fields; payments are immutable (PATCH/DELETE → 405). Every
// response is validated strictly against the official `Payment`; our OpenAPI document is diffed against the swagger.
import { authHeaders, createTestDatabase, diffAgainstSpec, loadTmfValidator, portalHeaders, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cardBody, chargeBody, DECLINE_CARD, http, PAYMENTS, type TestApp } from './helpers.ts';

const tmf = loadTmfValidator('TMF676-PaymentManagement-v4.swagger.json');
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
  const res = await api.post('/tmf-api/paymentMethod/v4/paymentMethod', cardBody(customerId, cardNumber ? { cardNumber } : {}));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
};
const mandatory = (customerId: string, pm: string, value = 25) => ({ account: { id: customerId }, paymentMethod: { id: pm }, totalAmount: { unit: 'SGD', value } });
let seq = 0;
const everything = (customerId: string, pm: string) => ({
  ...mandatory(customerId, pm, 30.5),
  correlatorId: `tmf676-corr-${process.pid}-${++seq}`,
  description: 'Top-up of 10 GB',
  name: 'Data top-up',
  account: { id: customerId, name: 'Prepaid', description: 'the prepaid account', '@referredType': 'PartyAccount' },
  paymentMethod: { id: pm, href: `http://localhost:8003/tmf-api/paymentMethod/v4/paymentMethod/${pm}`, name: 'Main card', '@type': 'tokenizedCard' },
  channel: { id: 'CH-web', name: 'web', '@referredType': 'SalesChannel' },
  payer: { id: customerId, role: 'payer', '@referredType': 'Customer' },
  amount: { unit: 'SGD', value: 28.5 },
  taxAmount: { unit: 'SGD', value: 2 },
  authorizationCode: 'client-auth-1',
  paymentItem: [{ id: '1', item: { id: 'BILL-1', '@referredType': 'CustomerBill' }, totalAmount: { unit: 'SGD', value: 30.5 } }],
  '@type': 'Payment',
  '@baseType': 'Payment',
  '@schemaLocation': 'https://example.com/schema/Payment.json',
});

describe('TMF676 create', () => {
  it('the bodies are built from the official definition', () => {
    expect(tmf.validate('Payment_Create', mandatory('CUST-x', 'PM-1'))).toEqual([]);
    expect(tmf.validate('Payment_Create', everything('CUST-x', 'PM-1'))).toEqual([]);
  });

  it('charges from the mandatory attributes only: 201, Location, a strictly valid Payment with a minted correlatorId', async () => {
    const pm = await addCard('CUST-676a');
    const res = await api.post(PAYMENTS, mandatory('CUST-676a', pm));
    expect(res.statusCode, res.body).toBe(201);
    const pay = res.json();
    tmf.assert('Payment', pay);
    expect(res.headers.location).toBe(pay.href);
    expect(pay).toMatchObject({
      account: { id: 'CUST-676a' },
      payer: { id: 'CUST-676a' },
      paymentMethod: { id: pm },
      totalAmount: { unit: 'SGD', value: 25 },
      status: 'approved',
      '@type': 'Payment',
    });
    expect(pay.correlatorId).toMatch(/^auto-/);
    const row = await db.pool.query('SELECT amount, purpose FROM payment.payment_attempt WHERE id = $1', [pay.id]);
    expect(row.rows[0]).toEqual({ amount: '25.00', purpose: 'vas' });
  });

  it('charges with every attribute, keeping name, description and channel; correlatorId is the idempotency key', async () => {
    const pm = await addCard('CUST-676b');
    const body = everything('CUST-676b', pm);
    const res = await api.post(PAYMENTS, body);
    expect(res.statusCode, res.body).toBe(201);
    const pay = res.json();
    tmf.assert('Payment', pay);
    expect(pay).toMatchObject({
      correlatorId: body.correlatorId,
      name: 'Data top-up',
      description: 'Top-up of 10 GB',
      channel: { id: 'CH-web', name: 'web' },
      totalAmount: { unit: 'SGD', value: 30.5 },
    });
    // The gateway issues the authorization code; the client's is not kept.
    expect(pay.authorizationCode).toMatch(/^mock_/);
    const again = await api.post(PAYMENTS, body);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(pay);
    const other = await api.post(PAYMENTS, { ...body, totalAmount: { unit: 'SGD', value: 31 } });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ reason: 'payment.charge.idempotency_key_matches_request', context: { differingFields: ['amount'] } });
    const count = await db.pool.query('SELECT count(*)::int AS n FROM payment.payment_attempt WHERE idempotency_key = $1', [body.correlatorId]);
    expect(count.rows[0].n).toBe(1);
  });

  it('a shorthand charge and a TMF charge under one key are the same charge only if they describe it alike', async () => {
    const pm = await addCard('CUST-676s');
    const short = await api.post(PAYMENTS, chargeBody('CUST-676s', pm, { amount: '12.00', purpose: 'vas', idempotencyKey: 'shared-676-key' }));
    expect(short.statusCode).toBe(201);
    tmf.assert('Payment', short.json());
    const tmfBody = { ...mandatory('CUST-676s', pm, 12), correlatorId: 'shared-676-key' };
    const replay = await api.post(PAYMENTS, tmfBody);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().id).toBe(short.json().id);
  });

  it('refuses a payer other than the account customer, another customer\'s card, inexact money and missing mandatory attributes', async () => {
    const pm = await addCard('CUST-676c');
    const payer = await api.post(PAYMENTS, { ...mandatory('CUST-676c', pm), payer: { id: 'CUST-other', '@referredType': 'Customer' } });
    expect(payer.statusCode).toBe(422);
    expect(payer.json().reason).toBe('payment.charge.payer_matches_account');
    const foreign = await api.post(PAYMENTS, mandatory('CUST-676z', pm));
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().reason).toBe('payment.charge.customer_matches_method');
    const inexact = await api.post(PAYMENTS, mandatory('CUST-676c', pm, 0.1 + 0.2));
    expect(inexact.statusCode).toBe(400);
    expect(inexact.json().context.issues.map((i: { field: string }) => i.field)).toEqual(['body.totalAmount.value']);
    const zero = await api.post(PAYMENTS, mandatory('CUST-676c', pm, 0));
    expect(zero.json().reason).toBe('payment.charge.positive_amount');
    const { totalAmount: _t, ...noAmount } = mandatory('CUST-676c', pm);
    const missing = await api.post(PAYMENTS, noAmount);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().context.issues.map((i: { field: string }) => i.field)).toEqual(['body.totalAmount']);
  });

  it('a decline is still a 201 Payment, status declined', async () => {
    const pm = await addCard('CUST-676d', DECLINE_CARD);
    const res = await api.post(PAYMENTS, mandatory('CUST-676d', pm));
    expect(res.statusCode).toBe(201);
    tmf.assert('Payment', res.json());
    expect(res.json().status).toBe('declined');
  });
});

describe('TMF676 read', () => {
  it('gets by id, whole and with fields (keeping id, href, @type and the mandatory account and paymentMethod)', async () => {
    const pm = await addCard('CUST-676r');
    const pay = (await api.post(PAYMENTS, everything('CUST-676r', pm))).json();
    const full = await api.get(`${PAYMENTS}/${pay.id}`);
    expect(full.statusCode).toBe(200);
    tmf.assert('Payment', full.json());
    expect(full.json()).toEqual(pay);
    const some = await api.get(`${PAYMENTS}/${pay.id}?fields=status,totalAmount`);
    tmf.assert('Payment', some.json());
    expect(Object.keys(some.json()).sort()).toEqual(['@type', 'account', 'href', 'id', 'paymentMethod', 'status', 'totalAmount']);
  });

  it('lists across customers for the operator, with attribute filters and fields; the headers count the filtered set', async () => {
    const pmA = await addCard('CUST-676la');
    const pmB = await addCard('CUST-676lb', DECLINE_CARD);
    const ids: string[] = [];
    for (const [customer, pm] of [['CUST-676la', pmA], ['CUST-676lb', pmB], ['CUST-676la', pmA]] as const) {
      t.platform.clock.advance(60_000);
      ids.push((await api.post(PAYMENTS, mandatory(customer, pm))).json().id);
    }
    const all = await api.get(`${PAYMENTS}?limit=1000`);
    expect(all.statusCode).toBe(200);
    all.json().forEach((p: unknown) => tmf.assert('Payment', p));
    expect(Number(all.headers['x-total-count'])).toBe(all.json().length);
    expect(all.json().slice(0, 3).map((p: { id: string }) => p.id)).toEqual([...ids].reverse());

    const declined = await api.get(`${PAYMENTS}?status=declined&fields=status`);
    expect(declined.json().map((p: { id: string }) => p.id)).toContain(ids[1]);
    expect(declined.json().every((p: { status: string }) => p.status === 'declined')).toBe(true);
    declined.json().forEach((p: unknown) => tmf.assert('Payment', p));
    expect(declined.headers['x-total-count']).toBe(String(declined.json().length));

    const mine = await api.get(`${PAYMENTS}?account.id=CUST-676la&offset=1&limit=1`);
    expect(mine.json().map((p: { id: string }) => p.id)).toEqual([ids[0]]);
    expect(mine.headers['x-total-count']).toBe('2');
    expect(mine.headers['x-result-count']).toBe('1');
    const byMethod = await api.get(`${PAYMENTS}?paymentMethod.id=${pmB}`);
    expect(byMethod.json().map((p: { id: string }) => p.id)).toEqual([ids[1]]);
    const corr = (await api.get(`${PAYMENTS}/${ids[1]}`)).json().correlatorId;
    expect((await api.get(`${PAYMENTS}?correlatorId=${corr}`)).json().map((p: { id: string }) => p.id)).toEqual([ids[1]]);
    expect((await api.get(`${PAYMENTS}?customerId=CUST-676la&account.id=CUST-676lb`)).statusCode).toBe(400);
  });

  it('a customer-facing identity must name the customer (400 payment.list.customer_required)', async () => {
    const portal = await t.app.inject({ method: 'GET', url: PAYMENTS, headers: portalHeaders() });
    expect(portal.statusCode).toBe(400);
    expect(portal.json()).toMatchObject({ reason: 'payment.list.customer_required', context: { scope: 'payment:read_all' } });
    const named = await t.app.inject({ method: 'GET', url: `${PAYMENTS}?customerId=CUST-676a`, headers: portalHeaders() });
    expect(named.statusCode).toBe(200);
    expect(named.json()).toHaveLength(1);
  });
});

describe('TMF676 immutability and operations', () => {
  it.each(['PATCH', 'DELETE'] as const)('%s /payment/{id} answers 405 with Allow: payments are immutable', async (method) => {
    const res = await t.app.inject({ method, url: `${PAYMENTS}/PAY-000001`, headers: { ...authHeaders(), 'content-type': 'application/merge-patch+json' }, payload: '{}' });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toContain('GET');
    expect(res.json().code).toBeDefined();
  });

  it('our OpenAPI document covers every payment operation, query parameter and response code of the specification', async () => {
    const doc = (await api.get('/openapi.json')).json();
    // TMF676 v4's swagger says basePath /payment/v4/; we serve the TMF convention /tmf-api/paymentManagement/v4/.
    expect(diffAgainstSpec(doc, 'TMF676-PaymentManagement-v4.swagger.json', { resources: ['payment'], basePath: '/tmf-api/paymentManagement/v4' })).toEqual([]);
  });
});
