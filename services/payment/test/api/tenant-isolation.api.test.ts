// Tenant isolation in payment: cards and payments are the tenant's whose identity wrote them, and an identity
// of another tenant can neither see them, charge them, remove them nor replay their idempotency keys. (Which
// customer exists for which tenant is the CRM's to say; payment asks it as `system` acting for the caller's
// tenant — covered end to end in tests/e2e/fleet.test.ts.)
import { createTestDatabase, tenantBHeaders, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cardBody, chargeBody, http, METHODS, PAYMENTS, type TestApp } from '../helpers.ts';

let db: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof http>;
let a: { methodId: string; paymentId: string; key: string };

beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db);
  api = http(t.app);
  const methodId = (await api.post(METHODS, cardBody('CUST-tenA'))).json().id;
  const charge = chargeBody('CUST-tenA', methodId);
  const paid = await api.post(PAYMENTS, charge);
  expect(paid.statusCode).toBe(201);
  a = { methodId, paymentId: paid.json().id, key: charge.idempotencyKey };
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

const asB = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: tenantBHeaders(payload === undefined ? {} : { 'content-type': 'application/json' }), ...(payload === undefined ? {} : { payload: payload as object }) });

describe('payment tenant isolation', () => {
  it("hides tenant A's cards and payments from tenant B", async () => {
    expect((await asB('GET', `${METHODS}/${a.methodId}`)).statusCode).toBe(404);
    expect((await asB('GET', `${PAYMENTS}/${a.paymentId}`)).statusCode).toBe(404);
    expect((await asB('GET', `${METHODS}?customerId=CUST-tenA`)).json()).toEqual([]);
    expect((await asB('GET', `${PAYMENTS}?customerId=CUST-tenA`)).json()).toEqual([]);
    expect((await asB('GET', `${PAYMENTS}/count?customerId=CUST-tenA`)).json()).toEqual({ count: 0 });
    // The operator (tenant DEFAULT) sees them, so the emptiness above is the tenant filter.
    expect((await api.get(`${METHODS}?customerId=CUST-tenA`)).json()).toHaveLength(1);
  });

  it("refuses tenant B's writes to them and its replay of A's idempotency key, naming nothing of A's", async () => {
    const remove = await asB('DELETE', `${METHODS}/${a.methodId}`);
    expect(remove.statusCode).toBe(404);
    const charge = await asB('POST', PAYMENTS, chargeBody('CUST-tenA', a.methodId));
    expect(charge.json().reason).toBe('payment.charge.method_not_found');
    const replay = await asB('POST', PAYMENTS, chargeBody('CUST-tenA', a.methodId, { idempotencyKey: a.key }));
    expect(replay.statusCode).toBe(422);
    expect(replay.json()).toMatchObject({ reason: 'payment.charge.idempotency_key_unique', context: {} });
    expect(replay.body).not.toContain(a.paymentId);
    const rows = await db.pool.query('SELECT status FROM payment.payment_method WHERE id = $1', [a.methodId]);
    expect(rows.rows).toEqual([{ status: 'active' }]);
    expect((await db.pool.query("SELECT count(*)::int AS n FROM payment.payment_attempt WHERE customer_id = 'CUST-tenA'")).rows[0].n).toBe(1);
  });

  it('stamps what tenant B writes with its tenant', async () => {
    const added = await asB('POST', METHODS, cardBody('CUST-tenB'));
    expect(added.statusCode).toBe(201);
    const paid = await asB('POST', PAYMENTS, chargeBody('CUST-tenB', added.json().id));
    expect(paid.statusCode).toBe(201);
    const r = await db.pool.query(
      `SELECT (SELECT tenant_id FROM payment.payment_method WHERE id = $1) AS method, (SELECT tenant_id FROM payment.payment_attempt WHERE id = $2) AS attempt`,
      [added.json().id, paid.json().id],
    );
    expect(r.rows[0]).toEqual({ method: 'TENANT_B', attempt: 'TENANT_B' });
    expect((await api.get(`${METHODS}/${added.json().id}`)).statusCode).toBe(404);
  });
});
