// COM in a real fleet (catalog, crm, payment, com over HTTP, one test exchange on RabbitMQ): create checks go
// through the real CRM orderability, catalog price and payment card lookups; CRM's customer DELETE guard asks
// the real COM for open orders; order.in_progress leaves through the relay and subscription.activated coming
// back over the broker completes the order. Subscription and SOM are being built in parallel: stub servers
// answer their agreed contracts (an empty subscription list; SOM's cancel gate verdicts).
import { randomBytes, randomUUID } from 'node:crypto';
import { createCatalogClient, createComClient, createCrmClient, createPaymentClient, PolicyViolationError } from '@bss/clients';
import { CONSUMER_QUEUES, type EventEnvelope } from '@bss/contracts';
import { startFleet, type Fleet } from '@bss/fleet';
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStubServer } from './support/stub-server.ts';

const TOKEN = randomBytes(24).toString('hex');
const EXCHANGE = `bss.com.${randomBytes(4).toString('hex')}`;
const basePort = 23000 + Math.floor(Math.random() * 1500) * 10;
const ports = { catalog: basePort + 1, crm: basePort + 2, payment: basePort + 3, com: basePort + 4 };

let db: TestDatabase;
let fleet: Fleet;
let mq: amqp.ChannelModel;
let publishCh: amqp.ConfirmChannel;
let subscriptionStub: Awaited<ReturnType<typeof startStubServer>>;
let somStub: Awaited<ReturnType<typeof startStubServer>>;
const somVerdicts = new Map<string, { status: number; body: unknown }>();
const received: EventEnvelope[] = [];

async function waitFor<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  const mqUrl = process.env.BSS_MQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
  mq = await amqp.connect(mqUrl);
  const ch = await mq.createChannel();
  await ch.assertExchange(EXCHANGE, 'topic', { durable: true, alternateExchange: `${EXCHANGE}.unrouted` });
  const { queue } = await ch.assertQueue('', { exclusive: true, autoDelete: true });
  await ch.bindQueue(queue, EXCHANGE, '#');
  await ch.consume(queue, (msg) => msg && received.push(JSON.parse(msg.content.toString()) as EventEnvelope), { noAck: true });
  publishCh = await mq.createConfirmChannel();

  subscriptionStub = await startStubServer((req, url) => (req.method === 'GET' && url.pathname === '/subscription-api/v1/subscription' ? { status: 200, body: [] } : undefined));
  somStub = await startStubServer((req, url) => {
    const m = /^\/som-api\/v1\/order\/([^/]+)\/cancel$/.exec(url.pathname);
    if (req.method !== 'POST' || !m) return undefined;
    const orderId = decodeURIComponent(m[1]!);
    return somVerdicts.get(orderId) ?? { status: 200, body: { orderId, serviceOrderId: null, outcome: 'not_started' } };
  });

  fleet = await startFleet(
    {
      BSS_DB_URL: db.url,
      BSS_MQ_URL: mqUrl,
      BSS_MQ_EXCHANGE: EXCHANGE,
      BSS_MQ_QUEUE_PREFIX: `${EXCHANGE}.`,
      BSS_API_TOKEN: TOKEN,
      BSS_KYC_SIGNING_SECRET: randomBytes(24).toString('hex'),
      BSS_KYC_DOCUMENT_PEPPER: randomBytes(24).toString('hex'),
      BSS_LOG_LEVEL: 'silent',
      BSS_CATALOG_PORT: String(ports.catalog),
      BSS_CRM_PORT: String(ports.crm),
      BSS_PAYMENT_PORT: String(ports.payment),
      BSS_COM_PORT: String(ports.com),
      BSS_CATALOG_URL: `http://127.0.0.1:${ports.catalog}`,
      BSS_CRM_URL: `http://127.0.0.1:${ports.crm}`,
      BSS_PAYMENT_URL: `http://127.0.0.1:${ports.payment}`,
      BSS_COM_URL: `http://127.0.0.1:${ports.com}`,
      BSS_SUBSCRIPTION_URL: subscriptionStub.url,
      BSS_SOM_URL: somStub.url,
    },
    ['catalog', 'crm', 'payment', 'com'],
  );
});

afterAll(async () => {
  await fleet?.stop();
  await subscriptionStub?.close();
  await somStub?.close();
  const ch = await mq?.createChannel();
  for (const { queue } of CONSUMER_QUEUES) {
    for (const suffix of ['', '.parked', '.retry.1s', '.retry.5s', '.retry.30s', '.retry.2m', '.retry.5m']) await ch?.deleteQueue(`${EXCHANGE}.${queue}${suffix}`).catch(() => {});
  }
  await ch?.deleteExchange(EXCHANGE).catch(() => {});
  await ch?.deleteQueue(`${EXCHANGE}.unrouted`).catch(() => {});
  await ch?.deleteExchange(`${EXCHANGE}.unrouted`).catch(() => {});
  await mq?.close();
  await db?.drop();
});

const opts = (name: 'catalog' | 'crm' | 'payment' | 'com') => ({ baseUrl: fleet.url(name), token: TOKEN, actor: 'com-tester', channel: 'cli' });
const email = () => `ord.${randomBytes(4).toString('hex')}@example.com`;

async function customerWithCard(): Promise<{ customerId: string; cardId: string }> {
  const customer = await createCrmClient(opts('crm')).createCustomer({ givenName: 'Ada', familyName: 'Lovelace', email: email() });
  const card = await createPaymentClient(opts('payment')).addCard({ customerId: customer.id, cardNumber: '4242 4242 4242 4242', cvv: '123', expMonth: 12, expYear: 2040 });
  return { customerId: customer.id, cardId: card.id };
}

const deleteCustomer = (id: string) => fetch(`${fleet.url('crm')}/tmf-api/customerManagement/v4/customer/${id}`, { method: 'DELETE', headers: { 'x-bss-api-token': TOKEN } });

/** Publishes an event the way the subscription service's relay would. */
async function publish(event: EventEnvelope): Promise<void> {
  publishCh.publish(EXCHANGE, event.eventType, Buffer.from(JSON.stringify(event)), { messageId: event.eventId, contentType: 'application/json', persistent: true });
  await publishCh.waitForConfirms();
}

describe('COM in the fleet', () => {
  it('takes an order through the real CRM, catalog and payment lookups, and CRM refuses to delete its customer while it is open', async () => {
    const com = createComClient(opts('com'));
    const { customerId, cardId } = await customerWithCard();
    const order = await com.create({
      productOrderItem: [{ id: '1', action: 'add', productOffering: { id: 'PLAN_L' } }],
      relatedParty: [{ id: customerId, role: 'customer', '@referredType': 'Customer' }],
    });
    expect(order.state).toBe('acknowledged');
    const view = await com.getView(order.id);
    expect(view).toMatchObject({ priceSnapshot: { priceId: 'PRICE_PLAN_L', amount: '45.00', currency: 'SGD' }, paymentMethodId: cardId });
    expect(await com.listOpenByCustomer(customerId)).toEqual([order.id]);

    const refused = await deleteCustomer(customerId);
    expect([refused.status, ((await refused.json()) as { reason: string }).reason]).toEqual([422, 'customer.delete.no_open_orders']);

    await com.cancel(order.id, 'not needed');
    expect(await com.listOpenByCustomer(customerId)).toEqual([]);
    expect((await deleteCustomer(customerId)).status).toBe(204);
  });

  it('refuses by rule what the real services refuse: unknown customer, no contact medium, unknown offering, no card', async () => {
    const com = createComClient(opts('com'));
    const rule = (p: Promise<unknown>) => p.then(() => 'accepted', (e: unknown) => (e instanceof PolicyViolationError ? e.rule : String(e)));
    expect(await rule(com.create({ customerId: 'CUST-00000000', offeringId: 'PLAN_M' }))).toBe('order.create.customer_not_found');
    const unreachable = await createCrmClient(opts('crm')).createCustomer({ name: 'No Medium', engagedParty: { id: `PTY-${randomBytes(3).toString('hex')}`, '@referredType': 'Individual' } });
    expect(await rule(com.create({ customerId: unreachable.id, offeringId: 'PLAN_M' }))).toBe('order.create.no_contact_medium');
    const { customerId } = await customerWithCard();
    expect(await rule(com.create({ customerId, offeringId: 'PLAN_NOPE' }))).toBe('order.create.offering_not_found');
    const noCard = await createCrmClient(opts('crm')).createCustomer({ givenName: 'Bo', familyName: 'Card', email: email() });
    expect(await rule(com.create({ customerId: noCard.id, offeringId: 'PLAN_M' }))).toBe('order.create.no_payment_method');
  });

  it('publishes order.in_progress through the relay; subscription.activated over RabbitMQ completes the order', async () => {
    const com = createComClient(opts('com'));
    const { customerId, cardId } = await customerWithCard();
    const order = await com.create({ customerId, offeringId: 'PLAN_M', msisdnPreference: '6591112222' });
    await com.submit(order.id);
    const inProgress = await waitFor('order.in_progress', () => received.find((e) => e.eventType === 'order.in_progress' && e.aggregateId === order.id));
    expect(inProgress).toMatchObject({
      correlationId: order.id,
      payload: { orderId: order.id, paymentMethodId: cardId, msisdnPreference: '6591112222', priceSnapshot: { priceId: 'PRICE_PLAN_M', amount: '25.00', currency: 'SGD' } },
    });
    await publish({
      eventId: randomUUID(),
      eventType: 'subscription.activated',
      aggregateType: 'subscription',
      aggregateId: 'SUB-fleet-1',
      occurredAt: new Date().toISOString(),
      actor: 'system',
      channel: 'system',
      tenant: 'DEFAULT',
      serviceIdentity: 'system',
      requestId: null,
      traceId: null,
      schemaVersion: 1,
      correlationId: order.id,
      causationId: inProgress.eventId,
      payload: {
        subscriptionId: 'SUB-fleet-1',
        orderId: order.id,
        customerId,
        offeringId: 'PLAN_M',
        msisdn: '6591112222',
        iccid: '8965000000000000001',
        paymentId: 'PAY-000001',
        amountCharged: '25.00',
        currency: 'SGD',
        periodStart: '2026-06-01T00:00:00Z',
        periodEnd: '2026-07-01T00:00:00Z',
      },
    });
    const completed = await waitFor('order.completed', () => received.find((e) => e.eventType === 'order.completed' && e.aggregateId === order.id));
    expect(completed).toMatchObject({ correlationId: order.id, payload: { subscriptionId: 'SUB-fleet-1', msisdn: '6591112222' } });
    expect(await com.getView(order.id)).toMatchObject({ state: 'completed', subscriptionId: 'SUB-fleet-1' });
  });

  it("cancels an in-progress order through SOM's HTTP gate, and answers SOM's refusal with its rule and context", async () => {
    const com = createComClient(opts('com'));
    const { customerId } = await customerWithCard();
    const free = await com.create({ customerId, offeringId: 'PLAN_S' });
    await com.submit(free.id);
    somVerdicts.set(free.id, { status: 200, body: { orderId: free.id, serviceOrderId: 'SO-77', outcome: 'cancelled' } });
    expect(await com.cancel(free.id)).toMatchObject({ state: 'cancelled', serviceOrderId: 'SO-77' });

    const started = await com.create({ customerId, offeringId: 'PLAN_S' });
    await com.submit(started.id);
    somVerdicts.set(started.id, {
      status: 422,
      body: {
        code: 'POLICY_VIOLATION',
        reason: 'order.cancel.forbidden_after_som_started',
        message: 'service order SO-78 is in_progress',
        status: '422',
        referenceError: 'https://bss-cli.dev/errors/order.cancel.forbidden_after_som_started',
        context: { orderId: started.id, serviceOrderId: 'SO-78', serviceOrderState: 'in_progress' },
      },
    });
    const err = await com.cancel(started.id).catch((e: unknown) => e);
    expect(err, JSON.stringify({ message: (err as Error).message, context: (err as PolicyViolationError).context })).toBeInstanceOf(PolicyViolationError);
    expect([(err as PolicyViolationError).rule, (err as PolicyViolationError).context]).toEqual([
      'order.cancel.forbidden_after_som_started',
      { orderId: started.id, serviceOrderId: 'SO-78', serviceOrderState: 'in_progress' },
    ]);
    expect((await com.getView(started.id)).state).toBe('in_progress');
    expect(somStub.calls).toContain(`POST /som-api/v1/order/${started.id}/cancel`);
  });

  it("snapshots the catalog's lowest active price, and refuses a retired offering with the catalog's rule underneath", async () => {
    const catalog = createCatalogClient(opts('catalog'));
    const com = createComClient(opts('com'));
    const offeringId = `PLAN_T${randomBytes(3).toString('hex').toUpperCase()}`;
    await catalog.addOffering({ offeringId, name: 'Trial', amount: '30.00', dataMb: 1024 });
    await catalog.addPrice(offeringId, { priceId: `${offeringId}_PROMO`, amount: '19.90' });
    const { customerId } = await customerWithCard();
    const order = await com.create({ customerId, offeringId });
    expect((await com.getView(order.id)).priceSnapshot).toEqual({ priceId: `${offeringId}_PROMO`, amount: '19.90', currency: 'SGD' });
    expect(order.productOrderItem[0]!.itemPrice[0]!.price.taxIncludedAmount).toEqual({ unit: 'SGD', value: 19.9 });

    await catalog.retireOffering(offeringId);
    const err = await com.create({ customerId, offeringId }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PolicyViolationError);
    expect([(err as PolicyViolationError).rule, (err as PolicyViolationError).context]).toEqual([
      'policy.offering.not_sellable_now',
      { offeringId, underlying: 'catalog.price.no_active_row', cause: 'offering_not_sellable' },
    ]);
  });

  it('reads and cancels through the typed client: get, list with the total, cancelProductOrder', async () => {
    const com = createComClient(opts('com'));
    const { customerId } = await customerWithCard();
    const a = await com.create({ customerId, offeringId: 'PLAN_S' });
    const b = await com.create({ customerId, offeringId: 'PLAN_M' });
    expect((await com.get(a.id)).id).toBe(a.id);
    const page = await com.list({ customerId, limit: 1 });
    expect([page.items.map((o) => o.id), page.total]).toEqual([[b.id], 2]);
    const cancel = await com.cancelProductOrder({ productOrder: { id: a.id }, cancellationReason: 'duplicate' });
    expect(cancel).toMatchObject({ state: 'done', productOrder: { id: a.id }, cancellationReason: 'duplicate' });
    expect((await com.list({ customerId, state: 'cancelled' })).items.map((o) => o.id)).toEqual([a.id]);
  });
});
