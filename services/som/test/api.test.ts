// SOM's HTTP: the cancel gate COM calls (tombstone, cancel, refusal, race with decomposition) and the TMF641 /
// TMF638 reads, every payload validated strictly against the official schemas in specs/tmf.
import { createSomClient, NotFoundError, PolicyViolationError } from '@bss/clients';
import { PROVISIONING_TASK_TYPES } from '@bss/contracts';
import { authHeaders, createTestDatabase, loadTmfValidator, TEST_TOKEN, type TestDatabase } from '@bss/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver, envelopeOf, orderInProgress, stagedFor, startHarness, taskEvent, type SomHarness } from './support.ts';

const SO = '/tmf-api/serviceOrdering/v4/serviceOrder';
const SVC = '/tmf-api/serviceInventory/v4/service';
const tmf641 = loadTmfValidator('TMF641-ServiceOrdering-v4.swagger.json');
const tmf638 = loadTmfValidator('TMF638-ServiceInventory-v4.swagger.json');

let db: TestDatabase;
let h: SomHarness;
beforeAll(async () => {
  db = await createTestDatabase();
  h = await startHarness(db);
}, 60_000);
afterAll(async () => {
  await h?.stop();
  await db?.drop();
});

const get = (url: string) => h.app.inject({ method: 'GET', url, headers: authHeaders() });
const cancel = (orderId: string, body?: unknown) =>
  h.app.inject({ method: 'POST', url: `/som-api/v1/order/${orderId}/cancel`, headers: authHeaders(), ...(body === undefined ? {} : { payload: body as object }) });
const reservedCount = async () => (await h.inventory.listMsisdns({ status: 'reserved', limit: 1 })).total!;
const somView = async (orderId: string) => (await get(`/som-api/v1/order/${orderId}/service-order`)).json();

describe('the cancel gate', () => {
  it('records a tombstone when SOM has not seen the order; the late order.in_progress then reserves nothing', async () => {
    const event = orderInProgress();
    const orderId = event.aggregateId;
    const first = await cancel(orderId, { customerId: 'CUST-SOMTEST0001', reason: 'customer changed their mind' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ orderId, serviceOrderId: expect.stringMatching(/^SO-/), outcome: 'not_started' });
    // idempotent: the same answer again, nothing staged twice
    expect((await cancel(orderId)).json()).toEqual(first.json());
    const before = await reservedCount();
    await deliver(h, 'som.order.in_progress', event);
    expect(await reservedCount()).toBe(before);
    expect(await somView(orderId)).toMatchObject({ state: 'cancelled', services: [], tasks: [], msisdn: null });
    const staged = await stagedFor(h, orderId);
    expect(staged.map((e) => e.eventType)).toEqual(['service_order.cancelled']);
    expect(staged[0]!.payload).toMatchObject({ orderId, customerId: 'CUST-SOMTEST0001', previousState: null });
    // a tombstone is a cancelled TMF641 order without items
    const tmf = (await get(`${SO}?externalId=${orderId}`)).json()[0];
    tmf641.assert('ServiceOrder', tmf);
    expect(tmf).toMatchObject({ state: 'cancelled', cancellationReason: 'customer changed their mind' });
    expect(tmf.serviceOrderItem).toBeUndefined();
  });

  it('refuses once SOM has started, naming the service order and its state', async () => {
    const event = orderInProgress();
    await deliver(h, 'som.order.in_progress', event);
    const res = await cancel(event.aggregateId);
    expect(res.statusCode).toBe(422);
    const so = await somView(event.aggregateId);
    expect(res.json()).toMatchObject({
      reason: 'order.cancel.forbidden_after_som_started',
      context: { orderId: event.aggregateId, serviceOrderId: so.id, serviceOrderState: 'in_progress' },
    });
  });

  it('cancels an acknowledged service order and releases what it holds', async () => {
    const orderId = `ORD-ACK${Date.now()}`;
    const number = await h.inventory.reserveNextMsisdn(undefined, { idempotencyKey: `test:${orderId}:m` });
    await h.platform.database.db.execute(sql`
      INSERT INTO service_inventory.service_order (id, tenant_id, order_id, item_id, customer_id, state, msisdn, order_date)
      VALUES (${`SO-${orderId}`}, 'DEFAULT', ${orderId}, 'SOI-X', 'CUST-SOMTEST0001', 'acknowledged', ${number.msisdn}, now())`);
    const res = await cancel(orderId);
    expect(res.json()).toEqual({ orderId, serviceOrderId: `SO-${orderId}`, outcome: 'cancelled' });
    expect((await cancel(orderId)).json()).toEqual(res.json());
    expect((await h.inventory.getMsisdn(number.msisdn)).status).toBe('available');
    expect((await stagedFor(h, orderId)).map((e) => [e.eventType, e.payload.previousState])).toEqual([['service_order.cancelled', 'acknowledged']]);
  });

  it('serialises with a concurrent decomposition: either a tombstone and nothing reserved, or started and refused', async () => {
    for (let i = 0; i < 4; i++) {
      const event = orderInProgress();
      const [res] = await Promise.all([cancel(event.aggregateId), deliver(h, 'som.order.in_progress', event)]);
      const so = await somView(event.aggregateId);
      if (res.statusCode === 200) {
        expect(so).toMatchObject({ state: 'cancelled', msisdn: null });
      } else {
        expect(res.json().reason).toBe('order.cancel.forbidden_after_som_started');
        expect(so.state).toBe('in_progress');
      }
    }
  });

  it('answers 400 for a malformed order id and body', async () => {
    expect((await cancel('bad id')).statusCode).toBe(400);
    expect((await cancel('ORD-1', { customerId: 42 })).statusCode).toBe(400);
  });
});

describe('TMF641 service orders and TMF638 services', () => {
  let orderId: string;
  let soId: string;
  let cfsId: string;
  beforeAll(async () => {
    const event = orderInProgress({ customerId: 'CUST-TMFREAD0001' });
    orderId = event.aggregateId;
    await deliver(h, 'som.order.in_progress', event);
    const so = await somView(orderId);
    soId = so.id;
    cfsId = so.services[0].id;
    const ids = { serviceOrderId: soId, orderId, serviceId: cfsId };
    for (const t of PROVISIONING_TASK_TYPES) await deliver(h, 'som.provisioning.task.completed', taskEvent('provisioning.task.completed', ids, t, { completedAt: '2026-06-01T00:01:00Z' }));
    await deliver(
      h,
      'som.subscription.activated',
      envelopeOf(
        'subscription.activated',
        { subscriptionId: 'SUB-TMFREAD0001', orderId, customerId: 'CUST-TMFREAD0001', offeringId: 'PLAN_M', msisdn: so.msisdn, iccid: so.iccid, paymentId: 'PAY-1', amountCharged: '25.00', currency: 'SGD', periodStart: '2026-06-01T00:00:00Z', periodEnd: '2026-07-01T00:00:00Z' },
        'SUB-TMFREAD0001',
        orderId,
      ),
    );
  });

  it('serves a service order as a strict TMF641 ServiceOrder with an absolute href', async () => {
    const res = await get(`${SO}/${soId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    tmf641.assert('ServiceOrder', body);
    expect(body).toMatchObject({
      id: soId,
      href: `http://localhost:8005${SO}/${soId}`,
      externalId: orderId,
      state: 'completed',
      relatedParty: [{ id: 'CUST-TMFREAD0001', role: 'customer' }],
      serviceOrderItem: [{ action: 'add', state: 'completed', service: { id: cfsId, serviceSpecification: { id: 'MobileBroadband' } } }],
      '@type': 'ServiceOrder',
    });
  });

  it('lists service orders by commercial order, customer and state, with X-Total-Count and fields', async () => {
    for (const q of [`externalId=${orderId}`, `commercialOrderId=${orderId}`, 'relatedParty.id=CUST-TMFREAD0001', 'relatedParty.id=CUST-TMFREAD0001&state=completed']) {
      const res = await get(`${SO}?${q}`);
      expect(res.headers['x-total-count']).toBe('1');
      expect(res.json().map((o: { id: string }) => o.id)).toEqual([soId]);
      for (const o of res.json()) tmf641.assert('ServiceOrder', o);
    }
    expect((await get(`${SO}?relatedParty.id=CUST-TMFREAD0001&state=inProgress`)).json()).toEqual([]);
    expect((await get(`${SO}?state=nonsense`)).headers['x-total-count']).toBe('0');
    const all = await get(`${SO}?limit=2&offset=0`);
    expect(Number(all.headers['x-total-count'])).toBeGreaterThanOrEqual(1);
    expect(all.json().length).toBeLessThanOrEqual(2);
    const projected = (await get(`${SO}?externalId=${orderId}&fields=state`)).json()[0];
    expect(Object.keys(projected).sort()).toEqual(['@type', 'href', 'id', 'state']);
  });

  it('serves services as strict TMF638 Services: characteristics, related order and subscription, CFS ↔ RFS', async () => {
    const res = await get(`${SVC}?subscriptionId=SUB-TMFREAD0001`);
    expect(res.headers['x-total-count']).toBe('3');
    const services = res.json();
    for (const s of services) tmf638.assert('Service', s);
    const cfs = services.find((s: { id: string }) => s.id === cfsId);
    expect(cfs).toMatchObject({ serviceType: 'CFS', state: 'active', isServiceEnabled: true, hasStarted: true, serviceSpecification: { id: 'MobileBroadband' } });
    const chars = Object.fromEntries(cfs.serviceCharacteristic.map((c: { name: string; value: unknown }) => [c.name, c.value]));
    expect(chars).toMatchObject({ bssState: 'activated', msisdn: expect.any(String), iccid: expect.any(String), activationCode: expect.stringMatching(/^LPA:1\$/) });
    expect(chars.provisioningTasks).toEqual(Object.fromEntries(PROVISIONING_TASK_TYPES.map((t) => [t, 'completed'])));
    expect(cfs.relatedEntity).toEqual(expect.arrayContaining([expect.objectContaining({ id: orderId, role: 'productOrder' }), expect.objectContaining({ id: 'SUB-TMFREAD0001', role: 'subscription' })]));
    expect(cfs.supportingService).toHaveLength(2);
    const rfs = services.filter((s: { serviceType: string }) => s.serviceType === 'RFS');
    expect(rfs.every((s: { serviceRelationship: { service: { id: string } }[] }) => s.serviceRelationship[0]!.service.id === cfsId)).toBe(true);
    tmf638.assert('Service', (await get(`${SVC}/${cfsId}`)).json());
    for (const q of ['relatedParty.id=CUST-TMFREAD0001', 'customerId=CUST-TMFREAD0001', `relatedEntity.id=${orderId}`, 'relatedParty.id=CUST-TMFREAD0001&state=active']) {
      expect((await get(`${SVC}?${q}`)).headers['x-total-count']).toBe('3');
    }
    expect((await get(`${SVC}?relatedParty.id=CUST-TMFREAD0001&serviceType=CFS`)).json().map((s: { id: string }) => s.id)).toEqual([cfsId]);
    expect((await get(`${SVC}?relatedParty.id=CUST-TMFREAD0001&state=terminated`)).json()).toEqual([]);
  });

  it('answers 404 for what does not exist and 405 for writes: service orders come only from COM', async () => {
    expect((await get(`${SO}/SO-NOPE`)).json()).toMatchObject({ status: '404', reason: 'serviceOrder.not_found' });
    expect((await get(`${SVC}/SVC-NOPE`)).json()).toMatchObject({ status: '404', reason: 'service.not_found' });
    expect((await get('/som-api/v1/order/ORD-NOPE/service-order')).statusCode).toBe(404);
    for (const [method, url] of [['POST', SO], ['PATCH', `${SO}/${soId}`], ['DELETE', `${SO}/${soId}`], ['POST', SVC], ['PATCH', `${SVC}/${cfsId}`], ['DELETE', `${SVC}/${cfsId}`]] as const) {
      const res = await h.app.inject({ method, url, headers: authHeaders(), payload: {} });
      expect(res.statusCode, `${method} ${url}`).toBe(405);
    }
  });

  it("hides another tenant's service orders and services", async () => {
    const asB = { 'x-bss-api-token': 'tenant-b-token-0123456789abcdef0123456' };
    expect((await h.app.inject({ method: 'GET', url: `${SO}/${soId}`, headers: asB })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: `${SVC}?subscriptionId=SUB-TMFREAD0001`, headers: asB })).json()).toEqual([]);
  });
});

describe('the typed SOM client', () => {
  it('reads and cancels through @bss/clients, every response parsed by its contract', async () => {
    const address = await h.app.listen({ host: '127.0.0.1', port: 0 });
    const client = createSomClient({ baseUrl: address, token: TEST_TOKEN });
    const event = orderInProgress({ customerId: 'CUST-CLIENT00001' });
    await deliver(h, 'som.order.in_progress', event);
    const view = await client.serviceOrderForOrder(event.aggregateId);
    expect(view.state).toBe('in_progress');
    expect((await client.getServiceOrder(view.id)).externalId).toBe(event.aggregateId);
    const orders = await client.listServiceOrders({ externalId: event.aggregateId });
    expect(orders).toMatchObject({ total: 1, items: [{ id: view.id }] });
    const cfs = view.services.find((s) => s.kind === 'CFS')!;
    expect((await client.getService(cfs.id)).serviceType).toBe('CFS');
    expect((await client.listServices({ 'relatedParty.id': 'CUST-CLIENT00001' })).total).toBe(3);
    const refused = await client.cancelForOrder(event.aggregateId).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PolicyViolationError);
    expect((refused as PolicyViolationError).rule).toBe('order.cancel.forbidden_after_som_started');
    const fresh = `ORD-CLIENT${Date.now()}`;
    expect(await client.cancelForOrder(fresh)).toMatchObject({ orderId: fresh, outcome: 'not_started' });
    expect(await client.getServiceOrder((await client.serviceOrderForOrder(fresh)).id)).toMatchObject({ state: 'cancelled' });
    await expect(client.getService('SVC-NOPE')).rejects.toBeInstanceOf(NotFoundError);
  });
});
