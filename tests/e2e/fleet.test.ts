// End to end over real parts: catalog, crm and payment started by the fleet launcher (as `make up` does) on
// one test database, real HTTP between them (payment → crm), real RabbitMQ for the events their relays publish.
import { randomBytes } from 'node:crypto';
import { createCatalogClient, createCrmClient, createPaymentClient, PolicyViolationError } from '@bss/clients';
import { CONSUMER_QUEUES, type EventEnvelope } from '@bss/contracts';
import { startFleet, type Fleet } from '@bss/fleet';
import { runWithContext, systemContext } from '@bss/telemetry';
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TOKEN = randomBytes(24).toString('hex');
// An identity of another tenant, with every business scope.
const TENANT_B_TOKEN = randomBytes(24).toString('hex');
const EXCHANGE = `bss.e2e.${randomBytes(4).toString('hex')}`;
const basePort = 21000 + Math.floor(Math.random() * 2000) * 10;
const ports = { catalog: basePort + 1, crm: basePort + 2, payment: basePort + 3 };

let db: TestDatabase;
let fleet: Fleet;
let mq: amqp.ChannelModel;
const received: EventEnvelope[] = [];

async function waitFor<T>(what: string, fn: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const value = fn();
    if (value !== undefined) return value;
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  const mqUrl = process.env.BSS_MQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
  // Listen to everything on this run's exchange before any service publishes.
  mq = await amqp.connect(mqUrl);
  const ch = await mq.createChannel();
  await ch.assertExchange(EXCHANGE, 'topic', { durable: true, alternateExchange: `${EXCHANGE}.unrouted` });
  const { queue } = await ch.assertQueue('', { exclusive: true, autoDelete: true });
  await ch.bindQueue(queue, EXCHANGE, '#');
  await ch.consume(queue, (msg) => msg && received.push(JSON.parse(msg.content.toString()) as EventEnvelope), { noAck: true });

  fleet = await startFleet(
    {
      BSS_DB_URL: db.url,
      BSS_MQ_URL: mqUrl,
      BSS_MQ_EXCHANGE: EXCHANGE,
      // Each service declares the whole consumer topology: prefix it so this run's queues are its own.
      BSS_MQ_QUEUE_PREFIX: `${EXCHANGE}.`,
      BSS_API_TOKEN: TOKEN,
      BSS_TENANT_B_API_TOKEN: TENANT_B_TOKEN,
      BSS_TENANT_B_SCOPES: 'catalog:read,crm:read,crm:write,payment:read,payment:write',
      BSS_TENANT_B_TENANT: 'TENANT_B',
      BSS_KYC_SIGNING_SECRET: randomBytes(24).toString('hex'),
      BSS_KYC_DOCUMENT_PEPPER: randomBytes(24).toString('hex'),
      BSS_LOG_LEVEL: 'silent',
      BSS_CATALOG_PORT: String(ports.catalog),
      BSS_CRM_PORT: String(ports.crm),
      BSS_PAYMENT_PORT: String(ports.payment),
      BSS_CATALOG_URL: `http://127.0.0.1:${ports.catalog}`,
      BSS_CRM_URL: `http://127.0.0.1:${ports.crm}`,
      BSS_PAYMENT_URL: `http://127.0.0.1:${ports.payment}`,
    },
    ['catalog', 'crm', 'payment'],
  );
});

afterAll(async () => {
  await fleet?.stop();
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

const opts = (name: 'catalog' | 'crm' | 'payment') => ({ baseUrl: fleet.url(name), token: TOKEN, actor: 'e2e-tester', channel: 'cli' });

describe('the fleet', () => {
  it('starts every service ready, with its database and broker up', async () => {
    for (const s of fleet.services) {
      const res = await fetch(`${s.url}/ready`);
      expect(await res.json()).toMatchObject({ status: 'ready', checks: { database: 'up', broker: 'up' } });
    }
  });

  it('sells a plan to a new customer with a card on file, across services and the event plane', async () => {
    const catalog = createCatalogClient(opts('catalog'));
    const crm = createCrmClient(opts('crm'));
    const payment = createPaymentClient(opts('payment'));

    const offerings = await catalog.listOfferings();
    expect(offerings.items.map((o) => o.id)).toEqual(expect.arrayContaining(['PLAN_S', 'PLAN_M', 'PLAN_L']));

    const traceId = randomBytes(16).toString('hex');
    const ctx = systemContext({ traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` });
    const customer = await runWithContext(ctx, () =>
      crm.createCustomer({ givenName: 'Ada', familyName: 'Lovelace', email: `ada.${randomBytes(3).toString('hex')}@example.com` }),
    );
    expect(customer.id).toMatch(/^CUST-/);

    // payment asks crm over HTTP whether the customer exists and may hold a card
    const card = await payment.addCard({ customerId: customer.id, cardNumber: '4242 4242 4242 4242', cvv: '123', expMonth: 12, expYear: 2040 });
    expect(card).toMatchObject({ relatedParty: { id: customer.id }, isPreferred: true, '@type': 'tokenizedCard' });

    const charged = await payment.charge({ customerId: customer.id, paymentMethodId: card.id, amount: '25.00', purpose: 'activation', idempotencyKey: `e2e-${randomBytes(6).toString('hex')}` });
    expect(charged).toMatchObject({ status: 'approved', account: { id: customer.id }, totalAmount: { unit: 'SGD', value: 25 } });

    // every write reached RabbitMQ through its service's outbox relay, with the caller's context
    const created = await waitFor('customer.created', () => received.find((e) => e.eventType === 'customer.created' && e.aggregateId === customer.id));
    expect(created).toMatchObject({ actor: 'e2e-tester', channel: 'cli', traceId, serviceIdentity: 'default' });
    await waitFor('payment_method.added', () => received.find((e) => e.eventType === 'payment_method.added' && e.aggregateId === card.id));
    await waitFor('payment.charged', () => received.find((e) => e.eventType === 'payment.charged' && e.aggregateId === charged.id));
  });

  it('refuses a card for a customer crm does not know, with the payment rule id', async () => {
    const payment = createPaymentClient(opts('payment'));
    const err = await payment.addCard({ customerId: 'CUST-00000000', cardNumber: '4242424242424242', cvv: '123', expMonth: 12, expYear: 2040 }).catch((e) => e);
    expect(err).toBeInstanceOf(PolicyViolationError);
    expect(err.rule).toBe('payment_method.add.customer_exists');
  });

  it("carries the caller's tenant on service-to-service calls, so payment sees only that tenant's customers", async () => {
    const asB = (name: 'crm' | 'payment') => ({ ...opts(name), token: TENANT_B_TOKEN });
    const crmB = createCrmClient(asB('crm'));
    const paymentB = createPaymentClient(asB('payment'));
    const own = await crmB.createCustomer({ givenName: 'Bea', familyName: 'Tan', email: `bea.${randomBytes(3).toString('hex')}@example.com` });
    // payment → crm goes out as `system`, acting for TENANT_B: B's own customer exists there…
    const card = await paymentB.addCard({ customerId: own.id, cardNumber: '4242424242424242', cvv: '123', expMonth: 12, expYear: 2040 });
    expect(card.relatedParty.id).toBe(own.id);
    // …a DEFAULT-tenant customer does not.
    const other = await createCrmClient(opts('crm')).createCustomer({ givenName: 'Ada', familyName: 'King', email: `ada.k.${randomBytes(3).toString('hex')}@example.com` });
    const err = await paymentB.addCard({ customerId: other.id, cardNumber: '4242424242424242', cvv: '123', expMonth: 12, expYear: 2040 }).catch((e) => e);
    expect(err).toBeInstanceOf(PolicyViolationError);
    expect(err.rule).toBe('payment_method.add.customer_exists');
    const created = await waitFor('payment_method.added', () => received.find((e) => e.eventType === 'payment_method.added' && e.aggregateId === card.id));
    expect(created).toMatchObject({ tenant: 'TENANT_B', serviceIdentity: 'tenant_b' });
  });

  it('marks relayed events as published in the audit trail', async () => {
    const crm = createCrmClient(opts('crm'));
    const customer = await crm.createCustomer({ givenName: 'Grace', familyName: 'Hopper', email: `grace.${randomBytes(3).toString('hex')}@example.com` });
    const audit = async () => {
      const res = await fetch(`${fleet.url('crm')}/audit-api/v1/events?aggregateId=${customer.id}`, { headers: { 'x-bss-api-token': TOKEN } });
      return ((await res.json()) as { events: { eventType: string; publishedAt: string | null }[] }).events;
    };
    let events = await audit();
    const until = performance.now() + 10_000;
    while (events.some((e) => e.publishedAt === null) && performance.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      events = await audit();
    }
    expect(events.map((e) => e.eventType)).toContain('customer.created');
    expect(events.every((e) => e.publishedAt !== null)).toBe(true);
  });
});
