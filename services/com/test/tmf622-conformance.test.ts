// TMF622 conformance: create (official ProductOrder_Create bodies, mandatory-only and with every attribute COM
// keeps, and the shorthand) → get → list with filters, paging headers and fields → PATCH → DELETE refused →
// CancelProductOrder. Every response is validated strictly against the official schema; our OpenAPI document
// is diffed against the swagger for the two resources we serve.
import { createTestDatabase, diffAgainstSpec, loadTmfValidator, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, CANCELS, customerId, http, ORDERS, type TestApp } from './helpers.ts';

const tmf = loadTmfValidator('TMF622-ProductOrdering-v4.swagger.json');
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

const mandatory = (customer: string, offering = 'PLAN_M') => ({
  productOrderItem: [{ id: '1', action: 'add', productOffering: { id: offering } }],
  relatedParty: [{ id: customer, role: 'customer', '@referredType': 'Customer' }],
});
const everything = (customer: string) => ({
  productOrderItem: [
    {
      id: '1',
      action: 'add',
      quantity: 1,
      productOffering: { id: 'PLAN_L', name: 'Max', href: 'http://localhost:8001/tmf-api/productCatalogManagement/v4/productOffering/PLAN_L', '@referredType': 'ProductOffering' },
      product: { productCharacteristic: [{ name: 'msisdnPreference', value: '6591234567', valueType: 'string' }], '@type': 'Product' },
      '@type': 'ProductOrderItem',
    },
  ],
  relatedParty: [{ id: customer, role: 'Customer', name: 'Ada', '@referredType': 'Customer' }],
  note: [{ text: 'Deliver the eSIM by email', author: 'csr-1', date: '2026-05-31T10:00:00Z' }],
  description: 'New line for Ada',
  externalId: 'WEB-42',
  category: 'residential',
  '@type': 'ProductOrder',
  '@baseType': 'ProductOrder',
  '@schemaLocation': 'https://example.com/ProductOrder.json',
});

describe('TMF622 productOrder create', () => {
  it('the bodies are built from the official definition', () => {
    expect(tmf.validate('ProductOrder_Create', mandatory('CUST-x'))).toEqual([]);
    expect(tmf.validate('ProductOrder_Create', everything('CUST-x'))).toEqual([]);
  });

  it('takes an order from the mandatory attributes: 201, Location, acknowledged, price snapshot on the item', async () => {
    const c = customerId();
    const res = await api.post(ORDERS, mandatory(c));
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    tmf.assert('ProductOrder', order);
    expect(res.headers.location).toBe(order.href);
    expect(order.href).toBe(`http://localhost:8004${ORDERS}/${order.id}`);
    expect(order.id).toMatch(/^ORD-/);
    expect(order).toMatchObject({
      state: 'acknowledged',
      orderDate: '2026-06-01T00:00:00.000Z',
      relatedParty: [{ id: c, role: 'customer', '@referredType': 'Customer' }],
      productOrderItem: [
        {
          action: 'add',
          state: 'acknowledged',
          productOffering: { id: 'PLAN_M' },
          itemPrice: [{ priceType: 'recurring', price: { taxIncludedAmount: { unit: 'SGD', value: 25 } }, productOfferingPrice: { id: 'PRICE_PLAN_M' } }],
          product: { productCharacteristic: [{ name: 'paymentMethodId', value: 'PM-0001' }] },
        },
      ],
      '@type': 'ProductOrder',
    });
    const row = await db.pool.query('SELECT price_amount, price_currency, price_id FROM order_mgmt.order_item WHERE order_id = $1', [order.id]);
    expect(row.rows[0]).toEqual({ price_amount: '25.00', price_currency: 'SGD', price_id: 'PRICE_PLAN_M' });
  });

  it('keeps every attribute COM models: notes, description, externalId, category, the msisdnPreference characteristic', async () => {
    const c = customerId();
    const res = await api.post(ORDERS, everything(c));
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    tmf.assert('ProductOrder', order);
    expect(order).toMatchObject({
      description: 'New line for Ada',
      externalId: 'WEB-42',
      category: 'residential',
      note: [{ text: 'Deliver the eSIM by email', author: 'csr-1', date: '2026-05-31T10:00:00Z' }],
      relatedParty: [{ id: c, role: 'customer' }],
    });
    expect(order.productOrderItem[0].product.productCharacteristic).toContainEqual({ name: 'msisdnPreference', value: '6591234567', valueType: 'string' });
    expect(order.productOrderItem[0].itemPrice[0].price.taxIncludedAmount).toEqual({ unit: 'SGD', value: 45 });
  });

  it('takes the CLI shorthand too', async () => {
    const c = customerId();
    const res = await api.post(ORDERS, { customerId: c, offeringId: 'PLAN_S', msisdnPreference: '6598765432', notes: 'via cli' });
    expect(res.statusCode, res.body).toBe(201);
    tmf.assert('ProductOrder', res.json());
    expect(res.json()).toMatchObject({ note: [{ text: 'via cli' }], relatedParty: [{ id: c }] });
  });

  it('refuses attributes COM does not keep with 400, and bodies without a customer or with a non-add action by rule', async () => {
    const c = customerId();
    for (const extra of [{ billingAccount: { id: 'BA-1' } }, { priority: '1' }, { requestedStartDate: '2026-07-01T00:00:00Z' }]) {
      const res = await api.post(ORDERS, { ...mandatory(c), ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
    }
    const two = await api.post(ORDERS, { ...mandatory(c), productOrderItem: [...mandatory(c).productOrderItem, { id: '2', action: 'add', productOffering: { id: 'PLAN_S' } }] });
    expect(two.statusCode).toBe(400);
    const noCustomer = await api.post(ORDERS, { productOrderItem: mandatory(c).productOrderItem });
    expect([noCustomer.statusCode, noCustomer.json().reason]).toEqual([422, 'order.create.customer_required']);
    const modify = await api.post(ORDERS, { ...mandatory(c), productOrderItem: [{ id: '1', action: 'modify', productOffering: { id: 'PLAN_M' } }] });
    expect([modify.statusCode, modify.json().reason]).toEqual([422, 'order.create.action_unsupported']);
    const unknownChar = await api.post(ORDERS, {
      ...mandatory(c),
      productOrderItem: [{ id: '1', action: 'add', productOffering: { id: 'PLAN_M' }, product: { productCharacteristic: [{ name: 'colour', value: 'red' }] } }],
    });
    expect([unknownChar.statusCode, unknownChar.json().reason]).toEqual([422, 'order.create.characteristic_unknown']);
  });
});

describe('TMF622 productOrder reads', () => {
  it('gets one order, strictly valid, and projects fields (productOrderItem always stays)', async () => {
    const created = (await api.post(ORDERS, mandatory(customerId()))).json();
    const res = await api.get(`${ORDERS}/${created.id}`);
    expect(res.statusCode).toBe(200);
    tmf.assert('ProductOrder', res.json());
    expect(res.json()).toEqual(created);
    const projected = (await api.get(`${ORDERS}/${created.id}?fields=state`)).json();
    expect(Object.keys(projected).sort()).toEqual(['@type', 'href', 'id', 'productOrderItem', 'state']);
    tmf.assert('ProductOrder', projected);
    const missing = await api.get(`${ORDERS}/ORD-nope`);
    expect([missing.statusCode, missing.json().reason]).toEqual([404, 'order.not_found']);
  });

  it('lists newest first with filtered X-Total-Count / X-Result-Count, by customer and state in either spelling', async () => {
    const c = customerId('list');
    const a = (await api.post(ORDERS, mandatory(c))).json();
    t.platform.clock.advance(60_000);
    const b = (await api.post(ORDERS, mandatory(c, 'PLAN_S'))).json();
    await api.post(`/com-api/v1/order/${b.id}/submit`);
    const all = await api.get(`${ORDERS}?customerId=${c}`);
    expect(all.json().map((o: { id: string }) => o.id)).toEqual([b.id, a.id]);
    expect([all.headers['x-total-count'], all.headers['x-result-count']]).toEqual(['2', '2']);
    for (const o of all.json()) tmf.assert('ProductOrder', o);
    const page = await api.get(`${ORDERS}?relatedParty.id=${c}&limit=1&offset=1`);
    expect(page.json().map((o: { id: string }) => o.id)).toEqual([a.id]);
    expect([page.headers['x-total-count'], page.headers['x-result-count']]).toEqual(['2', '1']);
    const past = await api.get(`${ORDERS}?customerId=${c}&offset=5`);
    expect([past.json(), past.headers['x-total-count'], past.headers['x-result-count']]).toEqual([[], '2', '0']);
    const inProgress = await api.get(`${ORDERS}?customerId=${c}&state=inProgress`);
    expect(inProgress.json().map((o: { id: string; state: string }) => [o.id, o.state])).toEqual([[b.id, 'inProgress']]);
    expect((await api.get(`${ORDERS}?customerId=${c}&state=in_progress`)).json()).toHaveLength(1);
    const none = await api.get(`${ORDERS}?customerId=${c}&state=held`);
    expect([none.statusCode, none.json(), none.headers['x-total-count']]).toEqual([200, [], '0']);
  });
});

describe('TMF622 productOrder PATCH and DELETE', () => {
  it('merge-patches the descriptive attributes and stages order.updated; lifecycle, line and customer are refused by rule', async () => {
    const order = (await api.post(ORDERS, mandatory(customerId()))).json();
    const res = await api.patch(`${ORDERS}/${order.id}`, { description: 'changed', note: [{ text: 'call first' }], externalId: null });
    expect(res.statusCode, res.body).toBe(200);
    tmf.assert('ProductOrder', res.json());
    expect(res.json()).toMatchObject({ description: 'changed', note: [{ text: 'call first' }] });
    const ev = await db.pool.query("SELECT payload FROM order_mgmt.outbox WHERE event_type = 'order.updated' AND aggregate_id = $1", [order.id]);
    expect(ev.rows[0].payload.changed.sort()).toEqual(['description', 'externalId', 'note']);
    for (const [body, rule] of [
      [{ state: 'completed' }, 'order.update.state_via_lifecycle'],
      [{ productOrderItem: [{ id: '1' }] }, 'order.update.items_immutable'],
      [{ relatedParty: [{ id: 'CUST-other' }] }, 'order.update.customer_immutable'],
    ] as const) {
      const refused = await api.patch(`${ORDERS}/${order.id}`, body);
      expect([refused.statusCode, refused.json().reason]).toEqual([422, rule]);
    }
    expect((await api.patch(`${ORDERS}/ORD-nope`, { description: 'x' })).statusCode).toBe(404);
  });

  it('refuses DELETE: an order is the commercial record (422 order.delete.not_allowed; 404 for an unknown id)', async () => {
    const order = (await api.post(ORDERS, mandatory(customerId()))).json();
    const res = await api.del(`${ORDERS}/${order.id}`);
    expect([res.statusCode, res.json().reason]).toEqual([422, 'order.delete.not_allowed']);
    expect((await api.get(`${ORDERS}/${order.id}`)).statusCode).toBe(200);
    expect((await api.del(`${ORDERS}/ORD-nope`)).statusCode).toBe(404);
  });
});

describe('TMF622 cancelProductOrder', () => {
  it('cancels an acknowledged order: 201 done with Location; the order is cancelled with its date and reason', async () => {
    const order = (await api.post(ORDERS, mandatory(customerId()))).json();
    const body = { productOrder: { id: order.id, '@referredType': 'ProductOrder' }, cancellationReason: 'changed my mind', requestedCancellationDate: '2026-06-01T00:00:00Z' };
    expect(tmf.validate('CancelProductOrder_Create', body)).toEqual([]);
    const res = await api.post(CANCELS, body);
    const now = t.platform.clock.now().toISOString();
    expect(res.statusCode, res.body).toBe(201);
    const cancel = res.json();
    tmf.assert('CancelProductOrder', cancel);
    expect(res.headers.location).toBe(cancel.href);
    expect(cancel).toMatchObject({ state: 'done', productOrder: { id: order.id }, cancellationReason: 'changed my mind', effectiveCancellationDate: now });
    const after = (await api.get(`${ORDERS}/${order.id}`)).json();
    tmf.assert('ProductOrder', after);
    expect(after).toMatchObject({ state: 'cancelled', cancellationDate: now, cancellationReason: 'changed my mind' });
    const one = await api.get(`${CANCELS}/${cancel.id}`);
    tmf.assert('CancelProductOrder', one.json());
    expect(one.json()).toEqual(cancel);
    const list = await api.get(`${CANCELS}?productOrder.id=${order.id}`);
    expect([list.json().map((c: { id: string }) => c.id), list.headers['x-total-count']]).toEqual([[cancel.id], '1']);
    const again = await api.post(CANCELS, { productOrder: { id: order.id } });
    expect([again.statusCode, again.json().reason]).toEqual([422, 'order.transition.invalid']);
    expect((await api.post(CANCELS, { productOrder: { id: 'ORD-nope' } })).statusCode).toBe(404);
    expect((await api.get(`${CANCELS}/CPO-nope`)).statusCode).toBe(404);
  });
});

describe('TMF622 spec coverage', () => {
  it('serves every operation the swagger defines on productOrder and cancelProductOrder', async () => {
    const doc = t.app.swagger();
    expect(diffAgainstSpec(doc, 'TMF622-ProductOrdering-v4.swagger.json', { resources: ['productOrder', 'cancelProductOrder'] })).toEqual([]);
  });
});
