// The outcome consumers against real Postgres through the real inbox path, delivered adversarially
// (deliverShuffled: shuffled, duplicated, concurrent, retried): whatever the order of arrival, each order ends
// in the state its first applicable event decides, exactly one outcome event is staged per order, and events
// for orders no longer in progress change nothing.
import { deliverShuffled, type EventHandler } from '@bss/events';
import { createTestDatabase, loadTmfValidator, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comConsumers, INBOX_SCHEMA } from '../src/events/consumers.ts';
import { buildTestApp, customerId, http, ORDERS, outboxEvents, type TestApp } from './helpers.ts';
import { activated, declined, soFailed } from './support/envelopes.ts';

const tmf = loadTmfValidator('TMF622-ProductOrdering-v4.swagger.json');
let db: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof http>;
let handlers: Map<string, EventHandler>;

beforeAll(async () => {
  db = await createTestDatabase({ max: 8 });
  t = await buildTestApp(db);
  api = http(t.app);
  handlers = new Map(comConsumers(t.deps).map((c) => [c.spec.queue, c.handler]));
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

const submittedOrder = async (c = customerId()) => {
  const o = (await api.post(ORDERS, { customerId: c, offeringId: 'PLAN_M' })).json();
  expect((await api.post(`/com-api/v1/order/${o.id}/submit`)).statusCode).toBe(200);
  return { id: o.id as string, customerId: c };
};
const view = async (id: string) => (await api.get(`/com-api/v1/order/${id}`)).json();
const deliver = (queue: string, events: Parameters<typeof deliverShuffled>[0]['events'], seed: number) =>
  deliverShuffled({ database: db, inboxSchema: INBOX_SCHEMA, consumer: queue, handler: handlers.get(queue)!, events, seed });

describe('com.subscription.activated', () => {
  it('completes each order once with its subscription, under shuffled duplicated delivery', async () => {
    const orders = await Promise.all([1, 2, 3, 4, 5].map(() => submittedOrder()));
    const events = orders.map((o, i) => activated(o.id, o.customerId, 100 + i));
    const report = await deliver('com.subscription.activated', events, 7);
    expect(report.failed).toEqual([]);
    expect(report.handled).toBe(5);
    for (const [i, o] of orders.entries()) {
      expect(await view(o.id)).toMatchObject({ state: 'completed', subscriptionId: `SUB-${100 + i}`, msisdn: `659000${String(100 + i).padStart(4, '0')}` });
      const tmfOrder = (await api.get(`${ORDERS}/${o.id}`)).json();
      tmf.assert('ProductOrder', tmfOrder);
      expect(tmfOrder).toMatchObject({ state: 'completed', completionDate: expect.any(String), productOrderItem: [{ state: 'completed', product: { id: `SUB-${100 + i}` } }] });
      const completed = (await outboxEvents(db, 'order.completed')).filter((e) => e.aggregate_id === o.id);
      expect(completed).toHaveLength(1);
      expect(completed[0]).toMatchObject({ correlation_id: o.id, payload: { orderId: o.id, subscriptionId: `SUB-${100 + i}` } });
    }
  });
});

describe('failure consumers', () => {
  it('com.subscription.activation_declined fails the order with cause activation_declined', async () => {
    const o = await submittedOrder();
    const report = await deliver('com.subscription.activation_declined', [declined(o.id, o.customerId)], 3);
    expect(report.failed).toEqual([]);
    expect(await view(o.id)).toMatchObject({ state: 'failed', failureCause: 'activation_declined', failureReason: 'card declined (card_declined)', serviceOrderId: `SO-${o.id}` });
    const [ev] = (await outboxEvents(db, 'order.failed')).filter((e) => e.aggregate_id === o.id);
    expect(ev).toMatchObject({ correlation_id: o.id, payload: { cause: 'activation_declined', serviceOrderId: `SO-${o.id}` } });
  });

  it('com.service_order.failed fails the order with cause provisioning_failed (fulfilment_refused when no task ran)', async () => {
    const a = await submittedOrder();
    const b = await submittedOrder();
    const report = await deliver('com.service_order.failed', [soFailed(a.id, a.customerId), soFailed(b.id, b.customerId, null)], 5);
    expect(report.failed).toEqual([]);
    expect(await view(a.id)).toMatchObject({ state: 'failed', failureCause: 'provisioning_failed', failureReason: 'HLR refused' });
    expect(await view(b.id)).toMatchObject({ state: 'failed', failureCause: 'fulfilment_refused' });
    const tmfOrder = (await api.get(`${ORDERS}/${a.id}`)).json();
    tmf.assert('ProductOrder', tmfOrder);
    expect(tmfOrder.note).toContainEqual(expect.objectContaining({ id: 'failure', text: 'provisioning_failed: HLR refused' }));
  });
});

describe('guards', () => {
  it('ignores events for orders not in progress (acknowledged, cancelled, already completed) and for unknown orders', async () => {
    const c = customerId();
    const ack = (await api.post(ORDERS, { customerId: c, offeringId: 'PLAN_M' })).json();
    const cancelled = (await api.post(ORDERS, { customerId: c, offeringId: 'PLAN_M' })).json();
    await api.post(`/com-api/v1/order/${cancelled.id}/cancel`, {});
    const done = await submittedOrder(c);
    await deliver('com.subscription.activated', [activated(done.id, c, 900)], 1);
    for (const [seed, [queue, events]] of ([
      ['com.subscription.activated', [activated(ack.id, c, 901), activated(cancelled.id, c, 902), activated('ORD-unknown', c, 903)]],
      ['com.service_order.failed', [soFailed(done.id, c), soFailed(ack.id, c)]],
      ['com.subscription.activation_declined', [declined(done.id, c), declined(cancelled.id, c)]],
    ] as const).entries()) {
      const report = await deliver(queue, [...events], seed + 11);
      expect(report.failed).toEqual([]);
    }
    expect((await view(ack.id)).state).toBe('acknowledged');
    expect((await view(cancelled.id)).state).toBe('cancelled');
    expect(await view(done.id)).toMatchObject({ state: 'completed', subscriptionId: 'SUB-900', failureCause: null });
  });

  it('is order-independent: a completion and a failure for the same order, shuffled under several seeds, leave one outcome', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const o = await submittedOrder();
      const events = [activated(o.id, o.customerId, 500 + seed), soFailed(o.id, o.customerId)];
      // Two consumers race on one order: both go through its row lock; whichever commits first decides.
      await Promise.all([
        deliver('com.subscription.activated', [events[0]!], seed),
        deliver('com.service_order.failed', [events[1]!], seed + 100),
      ]);
      const final = await view(o.id);
      expect(['completed', 'failed']).toContain(final.state);
      const outcomes = [...(await outboxEvents(db, 'order.completed')), ...(await outboxEvents(db, 'order.failed'))].filter((e) => e.aggregate_id === o.id);
      expect(outcomes).toHaveLength(1);
    }
  });
});
