// Tenant isolation (another tenant's orders are simply not there), concurrent writes on one order (the row lock
// lets exactly one of two racing moves win), and the scenario reset.
import { createTestDatabase, tenantBHeaders, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, customerId, http, ORDERS, outboxEvents, type TestApp } from './helpers.ts';

let db: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof http>;

beforeAll(async () => {
  db = await createTestDatabase({ max: 8 });
  t = await buildTestApp(db);
  api = http(t.app);
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

const asB = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: tenantBHeaders(payload === undefined ? {} : { 'content-type': 'application/json' }), ...(payload === undefined ? {} : { payload: payload as object }) });
const newOrder = async (c = customerId()) => (await api.post(ORDERS, { customerId: c, offeringId: 'PLAN_M' })).json().id as string;

describe('tenant isolation', () => {
  it("another tenant cannot read, list, submit or cancel an order, and lists only its own", async () => {
    const c = customerId('tenant');
    const own = await newOrder(c);
    expect((await asB('GET', `${ORDERS}/${own}`)).statusCode).toBe(404);
    expect((await asB('GET', `/com-api/v1/order/${own}`)).statusCode).toBe(404);
    expect((await asB('POST', `/com-api/v1/order/${own}/submit`)).statusCode).toBe(404);
    expect((await asB('POST', `/com-api/v1/order/${own}/cancel`, {})).statusCode).toBe(404);
    expect((await asB('POST', '/tmf-api/productOrderingManagement/v4/cancelProductOrder', { productOrder: { id: own } })).statusCode).toBe(404);
    expect((await asB('GET', `/com-api/v1/customer/${c}/open-orders`)).json().orderIds).toEqual([]);
    const theirs = (await asB('POST', ORDERS, { customerId: c, offeringId: 'PLAN_S' })).json();
    const listB = await asB('GET', `${ORDERS}?customerId=${c}`);
    expect([listB.json().map((o: { id: string }) => o.id), listB.headers['x-total-count']]).toEqual([[theirs.id], '1']);
    const listA = await api.get(`${ORDERS}?customerId=${c}`);
    expect(listA.json().map((o: { id: string }) => o.id)).toEqual([own]);
    const row = await db.pool.query('SELECT tenant_id FROM order_mgmt.order_item WHERE order_id = $1', [theirs.id]);
    expect(row.rows[0].tenant_id).toBe('TENANT_B');
  });
});

describe('races on one order', () => {
  it('two concurrent submits: one moves the order, the other is order.transition.invalid; one order.in_progress', async () => {
    const id = await newOrder();
    const results = await Promise.all([api.post(`/com-api/v1/order/${id}/submit`), api.post(`/com-api/v1/order/${id}/submit`)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    expect(results.find((r) => r.statusCode === 422)!.json().reason).toBe('order.transition.invalid');
    expect((await outboxEvents(db, 'order.in_progress')).filter((e) => e.aggregate_id === id)).toHaveLength(1);
  });

  it('submit racing cancel: whichever locks first wins; the other either follows the new state or is refused', async () => {
    for (let i = 0; i < 4; i++) {
      const id = await newOrder();
      const [submitted, cancelled] = await Promise.all([api.post(`/com-api/v1/order/${id}/submit`), api.post(`/com-api/v1/order/${id}/cancel`, {})]);
      const final = (await api.get(`/com-api/v1/order/${id}`)).json().state;
      if (cancelled.statusCode === 200) {
        // Either cancelled while acknowledged (submit then refused) or after submit through the (fake) SOM gate.
        expect(final).toBe('cancelled');
        expect([200, 422]).toContain(submitted.statusCode);
      } else {
        expect(final).toBe('in_progress');
      }
      expect((await outboxEvents(db, 'order.cancelled')).filter((e) => e.aggregate_id === id).length).toBe(final === 'cancelled' ? 1 : 0);
    }
  });
});

describe('reset-operational-data', () => {
  it('clears orders, items, history and cancellation requests', async () => {
    const id = await newOrder();
    await api.post('/tmf-api/productOrderingManagement/v4/cancelProductOrder', { productOrder: { id } });
    const res = await api.post('/admin-api/v1/reset-operational-data');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().schemas[0]).toMatchObject({ schema: 'order_mgmt' });
    for (const table of ['product_order', 'order_item', 'order_state_history', 'cancel_request']) {
      expect((await db.pool.query(`SELECT count(*)::int AS n FROM order_mgmt.${table}`)).rows[0].n, table).toBe(0);
    }
  });
});
