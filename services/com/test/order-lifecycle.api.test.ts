// Order create policies (one test per rule), submit, cancel (free while acknowledged, through the SOM gate while
// in progress), the events each write stages (correlationId = order id) and the /com-api/v1 views.
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, customerId, http, ORDERS, outboxEvents, type TestApp } from './helpers.ts';

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

const order = async (c = customerId(), body: Record<string, unknown> = {}) => {
  const res = await api.post(ORDERS, { customerId: c, offeringId: 'PLAN_M', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
};
const submit = (id: string) => api.post(`/com-api/v1/order/${id}/submit`);
const cancel = (id: string, reason?: string) => api.post(`/com-api/v1/order/${id}/cancel`, reason ? { reason } : {});

describe('create policies', () => {
  const refused = async (c: string, offeringId: string, rule: string) => {
    const res = await api.post(ORDERS, { customerId: c, offeringId });
    expect([res.statusCode, res.json().reason], res.body).toEqual([422, rule]);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM order_mgmt.product_order WHERE customer_id = $1', [c])).rows[0].n).toBe(0);
    return res.json();
  };

  it('order.create.customer_not_found', async () => {
    const c = customerId();
    t.world.customers.set(c, undefined);
    expect((await refused(c, 'PLAN_M', 'order.create.customer_not_found')).context).toEqual({ customerId: c });
  });

  it('order.create.customer_closed', async () => {
    const c = customerId();
    t.world.customers.set(c, { status: 'closed', orderable: false, reason: 'customer.order.customer_active_or_pending' });
    await refused(c, 'PLAN_M', 'order.create.customer_closed');
  });

  it('order.create.no_contact_medium (CRM orderability)', async () => {
    const c = customerId();
    t.world.customers.set(c, { status: 'pending', orderable: false, reason: 'customer.create.requires_contact_medium' });
    await refused(c, 'PLAN_M', 'order.create.no_contact_medium');
  });

  it('order.create.customer_not_orderable (a suspended customer)', async () => {
    const c = customerId();
    t.world.customers.set(c, { status: 'suspended', orderable: false, reason: 'customer.order.customer_active_or_pending', message: 'customer is suspended' });
    const body = await refused(c, 'PLAN_M', 'order.create.customer_not_orderable');
    expect(body.context).toMatchObject({ status: 'suspended', underlying: 'customer.order.customer_active_or_pending' });
  });

  it('order.create.offering_not_found', async () => {
    await refused(customerId(), 'PLAN_NOPE', 'order.create.offering_not_found');
  });

  it('policy.offering.not_sellable_now, with the catalog rule as underlying', async () => {
    t.world.quotes.set('PLAN_OLD', { kind: 'not_sellable', underlying: 'catalog.price.no_active_row', cause: 'offering_not_sellable' });
    const body = await refused(customerId(), 'PLAN_OLD', 'policy.offering.not_sellable_now');
    expect(body.context).toEqual({ offeringId: 'PLAN_OLD', underlying: 'catalog.price.no_active_row', cause: 'offering_not_sellable' });
  });

  it('order.create.no_payment_method', async () => {
    const c = customerId();
    t.world.cards.set(c, undefined);
    await refused(c, 'PLAN_M', 'order.create.no_payment_method');
  });

  it('a valid order stores the chosen card and the snapshot, writes history and stages order.acknowledged only', async () => {
    const c = customerId();
    t.world.cards.set(c, 'PM-0042');
    const o = await order(c, { msisdnPreference: '6590000001' });
    const view = (await api.get(`/com-api/v1/order/${o.id}`)).json();
    expect(view).toMatchObject({
      id: o.id,
      customerId: c,
      state: 'acknowledged',
      offeringId: 'PLAN_M',
      priceSnapshot: { priceId: 'PRICE_PLAN_M', amount: '25.00', currency: 'SGD' },
      paymentMethodId: 'PM-0042',
      msisdnPreference: '6590000001',
      submittedAt: null,
      stuckFlaggedAt: null,
    });
    const [ack] = (await outboxEvents(db, 'order.acknowledged')).filter((e) => e.aggregate_id === o.id);
    expect(ack).toMatchObject({
      correlation_id: o.id,
      payload: { orderId: o.id, customerId: c, offeringId: 'PLAN_M', msisdnPreference: '6590000001', priceSnapshot: { priceId: 'PRICE_PLAN_M', amount: '25.00', currency: 'SGD' } },
    });
    expect((await outboxEvents(db, 'order.in_progress')).filter((e) => e.aggregate_id === o.id)).toEqual([]);
    const history = await db.pool.query('SELECT from_state, to_state, trigger FROM order_mgmt.order_state_history WHERE order_id = $1 ORDER BY id', [o.id]);
    expect(history.rows).toEqual([{ from_state: null, to_state: 'acknowledged', trigger: 'create' }]);
  });
});

describe('submit', () => {
  it('moves acknowledged → in_progress and stages order.in_progress with the card, the snapshot and the preference', async () => {
    const c = customerId();
    const o = await order(c, { msisdnPreference: '6590000002' });
    t.platform.clock.advance(30_000);
    const res = await submit(o.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'in_progress', submittedAt: t.platform.clock.now().toISOString() });
    const [ev] = (await outboxEvents(db, 'order.in_progress')).filter((e) => e.aggregate_id === o.id);
    expect(ev).toEqual({
      aggregate_id: o.id,
      correlation_id: o.id,
      payload: { orderId: o.id, customerId: c, offeringId: 'PLAN_M', msisdnPreference: '6590000002', paymentMethodId: 'PM-0001', priceSnapshot: { priceId: 'PRICE_PLAN_M', amount: '25.00', currency: 'SGD' } },
    });
    expect((await api.get(`${ORDERS}/${o.id}`)).json()).toMatchObject({ state: 'inProgress', productOrderItem: [{ state: 'inProgress' }] });
  });

  it('refuses a second submit (order.transition.invalid) and an unknown order (404 order.not_found)', async () => {
    const o = await order();
    await submit(o.id);
    const again = await submit(o.id);
    expect([again.statusCode, again.json().reason, again.json().context]).toEqual([422, 'order.transition.invalid', expect.objectContaining({ orderId: o.id, from: 'in_progress', trigger: 'submit' })]);
    const missing = await submit('ORD-nope');
    expect([missing.statusCode, missing.json().reason]).toEqual([404, 'order.not_found']);
  });
});

describe('cancel', () => {
  it('cancels an acknowledged order without asking SOM, and stages order.cancelled', async () => {
    const o = await order();
    const res = await cancel(o.id, 'customer asked');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'cancelled', cancellationReason: 'customer asked' });
    expect(t.world.somCalls).not.toContain(o.id);
    const [ev] = (await outboxEvents(db, 'order.cancelled')).filter((e) => e.aggregate_id === o.id);
    expect(ev!.payload).toMatchObject({ orderId: o.id, previousState: 'acknowledged', reason: 'customer asked' });
    const again = await cancel(o.id);
    expect([again.statusCode, again.json().reason]).toEqual([422, 'order.transition.invalid']);
  });

  it.each(['not_started', 'cancelled'] as const)('cancels an in-progress order when SOM answers %s', async (outcome) => {
    const o = await order();
    await submit(o.id);
    t.world.som.set(o.id, { outcome, serviceOrderId: outcome === 'cancelled' ? 'SO-1' : null });
    const res = await cancel(o.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'cancelled', serviceOrderId: outcome === 'cancelled' ? 'SO-1' : null });
    expect(t.world.somCalls).toContain(o.id);
    const [ev] = (await outboxEvents(db, 'order.cancelled')).filter((e) => e.aggregate_id === o.id);
    expect(ev!.payload).toMatchObject({ previousState: 'in_progress' });
  });

  it('refuses once SOM has started: order.cancel.forbidden_after_som_started with the service order, nothing changes', async () => {
    const o = await order();
    await submit(o.id);
    t.world.som.set(o.id, { outcome: 'refused', serviceOrderId: 'SO-2', serviceOrderState: 'in_progress' });
    const res = await cancel(o.id);
    expect([res.statusCode, res.json().reason, res.json().context]).toEqual([
      422,
      'order.cancel.forbidden_after_som_started',
      { orderId: o.id, serviceOrderId: 'SO-2', serviceOrderState: 'in_progress' },
    ]);
    expect((await api.get(`/com-api/v1/order/${o.id}`)).json().state).toBe('in_progress');
    expect((await outboxEvents(db, 'order.cancelled')).filter((e) => e.aggregate_id === o.id)).toEqual([]);
  });

  it('a SOM outage is a 503 and leaves the order in progress', async () => {
    const o = await order();
    await submit(o.id);
    const { DownstreamUnavailable } = await import('@bss/policy');
    const original = t.deps.som.cancel;
    t.deps.som.cancel = async () => {
      throw new DownstreamUnavailable('downstream.unreachable', 'som is down');
    };
    try {
      const res = await cancel(o.id);
      expect(res.statusCode).toBe(503);
    } finally {
      t.deps.som.cancel = original;
    }
    expect((await api.get(`/com-api/v1/order/${o.id}`)).json().state).toBe('in_progress');
  });
});

describe('/com-api/v1 reads', () => {
  it("lists a customer's orders (open=true: acknowledged and in progress) and answers CRM's open-orders question", async () => {
    const c = customerId('open');
    const a = await order(c);
    t.platform.clock.advance(1_000);
    const b = await order(c);
    await submit(b.id);
    t.platform.clock.advance(1_000);
    const done = await order(c);
    await cancel(done.id);
    const open = await api.get(`/com-api/v1/order?customerId=${c}&open=true`);
    expect(open.json().map((o: { id: string }) => o.id)).toEqual([b.id, a.id]);
    expect(open.headers['x-total-count']).toBe('2');
    expect((await api.get(`/com-api/v1/order?customerId=${c}`)).json()).toHaveLength(3);
    expect((await api.get(`/com-api/v1/order?customerId=${c}&open=true&state=cancelled`)).json()).toEqual([]);
    expect((await api.get(`/com-api/v1/customer/${c}/open-orders`)).json()).toEqual({ customerId: c, orderIds: [b.id, a.id] });
    expect((await api.get(`/com-api/v1/customer/CUST-nobody/open-orders`)).json()).toEqual({ customerId: 'CUST-nobody', orderIds: [] });
  });
});
