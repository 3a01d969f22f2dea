// A real fleet for the subscription tests: catalog, crm, payment and subscription started by @bss/fleet on one
// test database, real HTTP between them and real RabbitMQ on an exchange (and queue prefix) of this run only.
// The in-test `deps` point at the same services, so a test can also run the consumer's handler directly
// (handleOnce, the inbox path the bus uses) to control concurrency and redelivery exactly.
import { randomBytes, randomUUID } from 'node:crypto';
import { createCrmClient, createInventoryClient, createPaymentClient, createSubscriptionClient } from '@bss/clients';
import { CONSUMER_QUEUES, type EventEnvelope, type EventPayload } from '@bss/contracts';
import { handleOnce } from '@bss/events';
import { startFleet, type Fleet } from '@bss/fleet';
import { createTestDatabase, TEST_TENANT_B_TOKEN, TEST_TOKEN, testPlatform, type TestDatabase } from '@bss/testing';
import amqp from 'amqplib';
import { serviceOrderCompletedHandler, SERVICE_ORDER_COMPLETED_QUEUE } from '../src/consumers/service-order-completed.consumer.ts';
import { createDeps } from '../src/deps.ts';

export const MOCK_VISA = '4242 4242 4242 4242';
/** The mock provider's test card that tokenizes but is declined at charge time. */
export const MOCK_DECLINE = '4000 0000 0000 0002';

export interface Harness {
  db: TestDatabase;
  fleet: Fleet;
  exchange: string;
  received: EventEnvelope[];
  clients: ReturnType<typeof makeClients>;
  /** Publishes an event to this run's exchange, as SOM's relay would. */
  publish(event: EventEnvelope): Promise<void>;
  /** Runs the subscription consumer's handler on `event` in its inbox transaction (what the bus does). */
  deliver(event: EventEnvelope): Promise<'handled' | 'duplicate'>;
  /** Runs the handler to its end, then fails before the commit (a crash after every HTTP call was made). */
  deliverThenCrash(event: EventEnvelope): Promise<'handled' | 'duplicate'>;
  /** The same, with the payment service unreachable (a transport failure). */
  deliverWithoutPayment(event: EventEnvelope): Promise<'handled' | 'duplicate'>;
  waitFor<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, timeoutMs?: number): Promise<T>;
  /** Subscription deps pointed at the fleet with the clock frozen at `now` (env overrides e.g. a dead catalog). */
  depsAt(now: Date, env?: Record<string, string>): ReturnType<typeof createDeps>;
  stop(): Promise<void>;
}

function makeClients(fleet: Fleet) {
  const opts = (name: 'crm' | 'payment' | 'subscription') => ({ baseUrl: fleet.url(name), token: TEST_TOKEN, actor: 'subscription-tester', channel: 'cli' });
  return {
    crm: createCrmClient(opts('crm')),
    inventory: createInventoryClient(opts('crm')),
    payment: createPaymentClient(opts('payment')),
    subscription: createSubscriptionClient(opts('subscription')),
  };
}

export async function startHarness(): Promise<Harness> {
  const db = await createTestDatabase();
  const exchange = `bss.subtest.${randomBytes(4).toString('hex')}`;
  const mqUrl = process.env.BSS_MQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
  const mq = await amqp.connect(mqUrl);
  const ch = await mq.createConfirmChannel();
  await ch.assertExchange(exchange, 'topic', { durable: true, alternateExchange: `${exchange}.unrouted` });
  const received: EventEnvelope[] = [];
  const { queue } = await ch.assertQueue('', { exclusive: true, autoDelete: true });
  await ch.bindQueue(queue, exchange, '#');
  await ch.consume(queue, (msg) => msg && received.push(JSON.parse(msg.content.toString()) as EventEnvelope), { noAck: true });

  const base = 23000 + Math.floor(Math.random() * 1500) * 10;
  const ports = { catalog: base + 1, crm: base + 2, payment: base + 3, subscription: base + 6 };
  const urls = Object.fromEntries(Object.entries(ports).map(([k, p]) => [`BSS_${k.toUpperCase()}_URL`, `http://127.0.0.1:${p}`]));
  const env = {
    BSS_DB_URL: db.url,
    BSS_MQ_URL: mqUrl,
    BSS_MQ_EXCHANGE: exchange,
    BSS_MQ_QUEUE_PREFIX: `${exchange}.`,
    BSS_API_TOKEN: TEST_TOKEN,
    BSS_TENANT_B_API_TOKEN: TEST_TENANT_B_TOKEN,
    BSS_TENANT_B_SCOPES: 'catalog:read,crm:read,crm:write,payment:read,payment:write,subscription:read,subscription:write',
    BSS_TENANT_B_TENANT: 'TENANT_B',
    BSS_KYC_SIGNING_SECRET: randomBytes(24).toString('hex'),
    BSS_KYC_DOCUMENT_PEPPER: randomBytes(24).toString('hex'),
    BSS_LOG_LEVEL: 'silent',
    BSS_ALLOW_ADMIN_RESET: 'true',
    // the renewal worker only runs when a test asks (tick-now or its own sweep)
    BSS_RENEWAL_TICK_MS: '3600000',
    ...Object.fromEntries(Object.entries(ports).map(([k, p]) => [`BSS_${k.toUpperCase()}_PORT`, String(p)])),
    ...urls,
  };
  const fleet = await startFleet(env, ['catalog', 'crm', 'payment', 'subscription']);

  // The same deps the service builds, pointed at the fleet (the test platform's system token matches TEST_TOKEN's).
  const platform = testPlatform('subscription', db, { env: urls });
  const handler = serviceOrderCompletedHandler(createDeps(platform));
  const noPayment = serviceOrderCompletedHandler(createDeps(testPlatform('subscription', db, { env: { ...urls, BSS_PAYMENT_URL: 'http://127.0.0.1:1' } })));

  async function waitFor<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
    const until = performance.now() + timeoutMs;
    for (;;) {
      const value = await fn();
      if (value !== undefined) return value;
      if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  return {
    db,
    fleet,
    exchange,
    received,
    clients: makeClients(fleet),
    async publish(event) {
      ch.publish(exchange, event.eventType, Buffer.from(JSON.stringify(event)), { contentType: 'application/json', persistent: true, messageId: event.eventId });
      await ch.waitForConfirms();
    },
    deliver: (event) => handleOnce(db, SERVICE_ORDER_COMPLETED_QUEUE.inboxSchema, SERVICE_ORDER_COMPLETED_QUEUE.queue, event, handler),
    deliverThenCrash: (event) =>
      handleOnce(db, SERVICE_ORDER_COMPLETED_QUEUE.inboxSchema, SERVICE_ORDER_COMPLETED_QUEUE.queue, event, async (tx, e) => {
        await handler(tx, e);
        throw new Error('the process died before the commit');
      }),
    deliverWithoutPayment: (event) => handleOnce(db, SERVICE_ORDER_COMPLETED_QUEUE.inboxSchema, SERVICE_ORDER_COMPLETED_QUEUE.queue, event, noPayment),
    waitFor,
    depsAt: (now, extra = {}) => createDeps(testPlatform('subscription', db, { now: now.toISOString(), env: { ...urls, ...extra } })),
    async stop() {
      await fleet.stop();
      const admin = await mq.createChannel();
      for (const { queue: q } of CONSUMER_QUEUES) {
        for (const suffix of ['', '.parked', '.retry.1s', '.retry.5s', '.retry.30s', '.retry.2m', '.retry.5m']) await admin.deleteQueue(`${exchange}.${q}${suffix}`).catch(() => {});
      }
      await admin.deleteExchange(exchange).catch(() => {});
      await admin.deleteQueue(`${exchange}.unrouted`).catch(() => {});
      await admin.deleteExchange(`${exchange}.unrouted`).catch(() => {});
      await mq.close();
      await db.drop();
    },
  };
}

/** A customer with a card on file, a reserved number and a reserved eSIM bound to it (what SOM leaves behind). */
export async function readyLine(h: Harness, card = MOCK_VISA) {
  const { crm, inventory, payment } = h.clients;
  const customer = await crm.createCustomer({ givenName: 'Grace', familyName: 'Hopper', email: `grace.${randomBytes(4).toString('hex')}@example.com` });
  const method = await payment.addCard({ customerId: customer.id, cardNumber: card, cvv: '123', expMonth: 12, expYear: 2040 });
  const orderId = `ORD-${randomBytes(6).toString('hex')}`;
  const number = await inventory.reserveNextMsisdn(undefined, { idempotencyKey: `${orderId}:reserve-msisdn` });
  const esim = await inventory.reserveEsim({ idempotencyKey: `${orderId}:reserve-esim` });
  await inventory.assignEsimMsisdn(esim.iccid, { msisdn: number.msisdn, idempotencyKey: `${orderId}:bind` });
  return { customerId: customer.id, paymentMethodId: method.id, orderId, msisdn: number.msisdn, iccid: esim.iccid };
}

/** A `service_order.completed` envelope for `line` (PLAN_M at 25.00 SGD unless overridden). */
export function serviceOrderCompleted(
  line: Awaited<ReturnType<typeof readyLine>>,
  overrides: Partial<EventPayload<'service_order.completed'>> = {},
): EventEnvelope {
  const payload: EventPayload<'service_order.completed'> = {
    serviceOrderId: `SO-${line.orderId}`,
    orderId: line.orderId,
    customerId: line.customerId,
    offeringId: 'PLAN_M',
    cfsServiceId: `SVC-${line.orderId}`,
    msisdn: line.msisdn,
    iccid: line.iccid,
    paymentMethodId: line.paymentMethodId,
    priceSnapshot: { priceId: 'PRICE_PLAN_M', amount: '25.00', currency: 'SGD' },
    ...overrides,
  };
  return {
    eventId: randomUUID(),
    eventType: 'service_order.completed',
    aggregateType: 'service_order',
    aggregateId: payload.serviceOrderId,
    occurredAt: '2026-06-01T00:00:00.000Z',
    actor: 'som',
    channel: 'system',
    tenant: 'DEFAULT',
    serviceIdentity: 'system',
    requestId: null,
    traceId: null,
    schemaVersion: 1,
    correlationId: line.orderId,
    causationId: null,
    payload,
  };
}
