// Bad input on every payment route gets the right 4xx envelope (never a 500), and the card number or CVV
// in a rejected body is never echoed back.
import { authHeaders, createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cardBody, http, METHODS, PAYMENTS, type TestApp } from '../helpers.ts';

let db: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof http>;

const PAN = '4111 1111 1111 1111';
const PAN_DIGITS = '4111111111111111';

beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db);
  api = http(t.app);
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

const raw = (method: 'POST' | 'GET' | 'DELETE', url: string, payload?: string, headers: Record<string, string> = authHeaders()) =>
  t.app.inject({ method, url, ...(payload !== undefined ? { payload } : {}), headers: { 'content-type': 'application/json', ...headers } });

const ROUTES: { method: 'POST' | 'GET' | 'DELETE'; url: string }[] = [
  { method: 'POST', url: METHODS },
  { method: 'GET', url: `${METHODS}?customerId=CUST-x` },
  { method: 'GET', url: `${METHODS}/PM-0001` },
  { method: 'DELETE', url: `${METHODS}/PM-0001` },
  { method: 'POST', url: `${METHODS}/PM-0001/setDefault` },
  { method: 'POST', url: PAYMENTS },
  { method: 'GET', url: `${PAYMENTS}?customerId=CUST-x` },
  { method: 'GET', url: `${PAYMENTS}/count?customerId=CUST-x` },
  { method: 'GET', url: `${PAYMENTS}/PAY-000001` },
];

describe('perimeter on every route', () => {
  it.each(ROUTES)('$method $url without a token → 401 AUTH_MISSING_TOKEN, with a wrong one → 401 AUTH_INVALID_TOKEN', async ({ method, url }) => {
    const missing = await t.app.inject({ method, url });
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({ code: 'AUTH_MISSING_TOKEN', status: '401' });
    const wrong = await t.app.inject({ method, url, headers: { 'x-bss-api-token': 'w'.repeat(40) } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('AUTH_INVALID_TOKEN');
  });
});

describe('malformed and mistyped bodies', () => {
  it('answers malformed JSON with 400 request.malformed_json without quoting the body', async () => {
    // The second body makes V8's own JSON.parse message quote "…111111,tru]", which the default parser would echo.
    const bodies = [`{"customerId":"CUST-1","cardNumber":"${PAN}","cvv":"4321",`, `[${PAN_DIGITS},4321,tru]`];
    for (const url of [METHODS, PAYMENTS]) {
      for (const payload of bodies) {
        const res = await raw('POST', url, payload);
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'request.malformed_json', message: 'request body is not valid JSON' });
        expect(res.body).not.toMatch(/1111|4321/);
      }
    }
  });

  it('answers an empty JSON body with 400 naming the missing body', async () => {
    const res = await raw('POST', METHODS, '');
    expect(res.statusCode).toBe(400);
    expect(res.json().reason).toBe('request.invalid');
    expect(res.json().context.issues.map((i: { field: string }) => i.field)).toEqual(['body']);
  });

  it('names the wrong fields of an add-card body but never echoes the card number or CVV', async () => {
    const res = await api.post(METHODS, { customerId: 'CUST-1', cardNumber: PAN, cvv: '43210', expMonth: 13, expYear: '2030' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().context.issues.map((i: { field: string }) => i.field).sort();
    expect(fields).toEqual(['body.cvv', 'body.expMonth', 'body.expYear']);
    expect(res.body).not.toContain(PAN_DIGITS.slice(0, 6));
    expect(res.body).not.toContain('43210');
    const badPan = await api.post(METHODS, cardBody('CUST-1', { cardNumber: `${PAN_DIGITS}x` }));
    expect(badPan.statusCode).toBe(400);
    expect(badPan.body).not.toContain('4111');
  });

  it('refuses wrong types on a charge: float amounts, unknown purpose, missing idempotency key', async () => {
    const res = await api.post(PAYMENTS, { customerId: 'CUST-1', paymentMethodId: 'PM-0001', amount: 25.5, purpose: 'gift' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().context.issues.map((i: { field: string }) => i.field).sort();
    expect(fields).toEqual(['body.amount', 'body.idempotencyKey', 'body.purpose']);
    const precise = await api.post(PAYMENTS, { customerId: 'C', paymentMethodId: 'PM-1', amount: '1.005', purpose: 'vas', idempotencyKey: 'key-12345678' });
    expect(precise.statusCode).toBe(400);
    expect(precise.json().context.issues[0].field).toBe('body.amount');
  });

  it('requires customerId on the count route and validates paging', async () => {
    for (const url of [`${PAYMENTS}/count`, `${PAYMENTS}?customerId=C&limit=0`, `${PAYMENTS}?customerId=C&offset=-1`, `${METHODS}?limit=1001`]) {
      const res = await api.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('hostile ids', () => {
  it('answers 400, never 500, for ids with control bytes or slashes in path, query or body', async () => {
    const urls = [`${METHODS}/PM-%00`, `${METHODS}/PM-1%2F..`, `${METHODS}?customerId=%00`, `${PAYMENTS}?customerId=a%00`, `${PAYMENTS}/count?customerId=a%0A`, `${PAYMENTS}/PAY-%00`];
    for (const url of urls) {
      const res = await api.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    const charge = await api.post(PAYMENTS, { customerId: 'C\u0000', paymentMethodId: 'PM-\u0000', amount: '1', purpose: 'vas', idempotencyKey: 'abcdefghij' });
    expect(charge.statusCode).toBe(400);
    const card = await api.post(METHODS, cardBody('CUST-\u0000'));
    expect(card.statusCode).toBe(400);
  });
});

describe('unknown ids', () => {
  it.each([
    ['GET', `${METHODS}/PM-4040404`, 'paymentMethod.not_found'],
    ['DELETE', `${METHODS}/PM-4040404`, 'payment_method.remove.not_found'],
    ['POST', `${METHODS}/PM-4040404/setDefault`, 'payment_method.set_default.not_found'],
    ['GET', `${PAYMENTS}/PAY-4040404`, 'payment.not_found'],
  ] as const)('%s %s → 404 %s', async (method, url, reason) => {
    const res = await t.app.inject({ method, url, headers: authHeaders() });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', reason });
  });

  it('answers an unknown route with the 404 envelope', async () => {
    const res = await api.get('/tmf-api/paymentManagement/v4/refund');
    expect(res.statusCode).toBe(404);
    expect(res.json().reason).toBe('route.not_found');
  });
});

describe('openapi', () => {
  it('documents every payment route with the shared component schemas', async () => {
    const doc = (await api.get('/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([METHODS, `${METHODS}/{paymentMethodId}`, `${METHODS}/{paymentMethodId}/setDefault`, PAYMENTS, `${PAYMENTS}/count`, `${PAYMENTS}/{paymentId}`]),
    );
    // Request bodies are documented in their input form (`…Input`); the document keeps only what its routes use.
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['PaymentMethod', 'Payment', 'AddCardRequestInput', 'ChargeRequestInput', 'PaymentCount', 'Error']));
    expect(JSON.stringify(doc.paths[PAYMENTS].post.requestBody)).toContain('#/components/schemas/ChargeRequestInput');
  });
});
