// The embedded path end to end, as `make up` runs it on a machine with Node alone: forced into embedded mode
// (BSS_EMBEDDED=1) whatever servers run here, a real PostgreSQL from the npm registry on a port of its own
// (migrated + seeded), and every service's event plane on ONE in-process broker. A customer is created and
// given a card over real HTTP (payment asks crm), each write's event leaves through its service's outbox
// relay onto the in-process bus and reaches a consumer in the same process through its inbox; a consumer that
// fails parks the event until it is requeued, and an operator's re-publish is absorbed by the inbox.
//
// Then the whole point: that customer orders a plan and gets an active line — the choreography between com,
// som, provisioning-sim and subscription carried by the one in-process broker.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCatalogClient, createComClient, createCrmClient, createPaymentClient, createSubscriptionClient } from '@bss/clients';
import type { EventEnvelope } from '@bss/contracts';
import { createDatabase, migrate, type Database } from '@bss/db';
import { createInProcessBus, type InProcessBus } from '@bss/events';
import { startLocalRun, type LocalRun } from '@bss/fleet';
import { createLogger, createTracing } from '@bss/telemetry';
import { MIGRATIONS_DIR } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedEnv, embeddedPgPort, SERVICES, servicePorts, waitFor } from './support.ts';

const TOKEN = randomBytes(24).toString('hex');
const OBSERVER = 'e2e_observer';
const ports = servicePorts();
const pgPort = embeddedPgPort();
const stateDir = mkdtempSync(join(tmpdir(), 'bss-embedded-'));
// mkdtemp makes it 0700; run as root, the server runs as `postgres` and must reach the cluster inside.
chmodSync(stateDir, 0o755);

let run: LocalRun;
let db: Database;
let observer: InProcessBus;
const seen: EventEnvelope[] = [];
const flaky = { failing: true, attempts: 0 };

beforeAll(async () => {
  run = await startLocalRun(embeddedEnv(ports, pgPort, TOKEN), { stateDir, embeddedPassword: randomBytes(12).toString('hex'), names: SERVICES });
  // A consumer living in the same process, as another service would: its inbox in a schema of its own.
  await migrate({ url: run.env.BSS_DB_URL!, dir: MIGRATIONS_DIR, schemas: [OBSERVER], seed: false });
  db = createDatabase(run.env.BSS_DB_URL!, { max: 2 });
  observer = createInProcessBus({ broker: run.broker!, exchange: 'bss.events', database: db, logger: createLogger('observer', 'silent'), tracing: createTracing('observer'), serviceName: 'observer' });
  await observer.subscribe({ queue: 'observer.sales', bindings: ['customer.created', 'payment_method.added'], inboxSchema: OBSERVER }, async (_tx, event) => {
    seen.push(event);
  });
  // Fails permanently until told otherwise: parked after one attempt.
  await observer.subscribe({ queue: 'observer.flaky', bindings: ['payment_method.added'], inboxSchema: OBSERVER, maxAttempts: 1 }, async () => {
    flaky.attempts++;
    if (flaky.failing) throw new Error('observer cannot take cards yet');
  });
}, 120_000);

afterAll(async () => {
  await observer?.close();
  await db?.close();
  await run?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

const opts = (name: 'catalog' | 'crm' | 'payment' | 'com' | 'subscription') => ({ baseUrl: run.fleet.url(name), token: TOKEN, actor: 'embedded-tester', channel: 'cli' });
const inbox = async (consumer: string, eventId: string) =>
  Number((await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM e2e_observer.inbox WHERE consumer = $1 AND event_id = $2', [consumer, eventId])).rows[0]!.n);

describe('make up in embedded mode', () => {
  it('runs on the embedded PostgreSQL on its own port and the in-process bus, every service ready', async () => {
    expect(run.choice.database).toEqual({ mode: 'embedded' });
    expect(run.choice.bus).toEqual({ mode: 'in-process' });
    expect(run.postgres!.started).toBe(true);
    expect(new URL(run.env.BSS_DB_URL!).port).toBe(String(pgPort));
    expect(run.describe().join('\n')).toMatch(/embedded PostgreSQL .*127\.0\.0\.1:\d+\/bss[\s\S]*in-process event bus/);
    const version = await db.pool.query<{ server_version: string }>('SHOW server_version');
    expect(version.rows[0]!.server_version).toMatch(/^18\./);
    for (const s of run.fleet.services) {
      const res = await fetch(`${s.url}/ready`);
      expect(await res.json()).toMatchObject({ status: 'ready', checks: { database: 'up', broker: 'up' } });
    }
    // migrated and seeded: the catalogue's plans are there
    const offerings = await createCatalogClient(opts('catalog')).listOfferings();
    expect(offerings.items.map((o) => o.id)).toEqual(expect.arrayContaining(['PLAN_S', 'PLAN_M', 'PLAN_L']));
  });

  it('carries a new customer and their card from the outbox relays through the in-process bus into a consumer inbox', async () => {
    const crm = createCrmClient(opts('crm'));
    const payment = createPaymentClient(opts('payment'));
    const customer = await crm.createCustomer({ givenName: 'Ada', familyName: 'Lovelace', email: `ada.${randomBytes(3).toString('hex')}@example.com` });
    const card = await payment.addCard({ customerId: customer.id, cardNumber: '4242 4242 4242 4242', cvv: '123', expMonth: 12, expYear: 2040 });
    expect(card).toMatchObject({ relatedParty: { id: customer.id }, isPreferred: true });

    const created = await waitFor('customer.created', () => seen.find((e) => e.eventType === 'customer.created' && e.aggregateId === customer.id));
    expect(created).toMatchObject({ actor: 'embedded-tester', channel: 'cli', serviceIdentity: 'default' });
    const added = await waitFor('payment_method.added', () => seen.find((e) => e.eventType === 'payment_method.added' && e.aggregateId === card.id));
    expect(await inbox('observer.sales', created.eventId)).toBe(1);
    expect(await inbox('observer.sales', added.eventId)).toBe(1);

    // the relay marked them published (the bus confirmed them)
    const audit = await waitFor('published audit rows', async () => {
      const res = await fetch(`${run.fleet.url('crm')}/audit-api/v1/events?aggregateId=${customer.id}`, { headers: { 'x-bss-api-token': TOKEN } });
      const { events } = (await res.json()) as { events: { eventType: string; publishedAt: string | null }[] };
      return events.length > 0 && events.every((e) => e.publishedAt !== null) ? events : undefined;
    });
    expect(audit.map((e) => e.eventType)).toContain('customer.created');

    // the consumer that could not handle the card parked it; once fixed, a requeue delivers it to it alone
    const parked = await waitFor('parked card event', async () => (await observer.parkedMessages.peek('observer.flaky', 10)).messages.find((m) => m.messageId === added.eventId));
    expect(parked.reason).toMatch(/permanent failure after 1 attempts: observer cannot take cards yet/);
    flaky.failing = false;
    const before = seen.length;
    const requeued = await observer.parkedMessages.requeueOne('observer.flaky', added.eventId, 100);
    expect(requeued.requeued).toEqual([added.eventId]);
    await waitFor('requeued card event handled', async () => ((await inbox('observer.flaky', added.eventId)) === 1 ? true : undefined));
    expect(seen.length).toBe(before);
  });

  it('orders a plan for a customer with a card and ends with an active line, all over the in-process bus', async () => {
    const crm = createCrmClient(opts('crm'));
    const payment = createPaymentClient(opts('payment'));
    const com = createComClient(opts('com'));
    const customer = await crm.createCustomer({ givenName: 'Grace', familyName: 'Hopper', email: `grace.${randomBytes(3).toString('hex')}@example.com` });
    await payment.addCard({ customerId: customer.id, cardNumber: '4242 4242 4242 4242', cvv: '123', expMonth: 12, expYear: 2040 });
    const order = await com.create({ customerId: customer.id, offeringId: 'PLAN_M' });
    await com.submit(order.id);
    const done = await waitFor('the order to complete', async () => {
      const o = await com.getView(order.id);
      return o.state === 'completed' || o.state === 'failed' ? o : undefined;
    }, 30_000);
    expect(done).toMatchObject({ state: 'completed' });
    const sub = await createSubscriptionClient(opts('subscription')).get(done.subscriptionId!);
    expect(sub).toMatchObject({ customerId: customer.id, state: 'active', msisdn: done.msisdn });
  });

  it("absorbs an operator's re-publish in the inbox: the consumer handles each event once", async () => {
    const crm = createCrmClient(opts('crm'));
    const customer = await crm.createCustomer({ givenName: 'Grace', familyName: 'Hopper', email: `grace.${randomBytes(3).toString('hex')}@example.com` });
    const created = await waitFor('customer.created', () => seen.find((e) => e.eventType === 'customer.created' && e.aggregateId === customer.id));
    // Republishing goes through the relay again; wait until the outbox row was published the first time.
    await waitFor('published', async () => {
      const res = await fetch(`${run.fleet.url('crm')}/admin-api/v1/events/republish`, {
        method: 'POST',
        headers: { 'x-bss-api-token': TOKEN, 'content-type': 'application/json' },
        body: JSON.stringify({ eventIds: [created.eventId] }),
      });
      const body = (await res.json()) as { republished: number };
      return res.status === 200 && body.republished === 1 ? body : undefined;
    });
    // A queue bound after the first delivery sees the re-published copy: it did go round the bus again…
    const late: EventEnvelope[] = [];
    await observer.subscribe({ queue: 'observer.late', bindings: ['customer.created'], inboxSchema: OBSERVER }, async (_tx, e) => void late.push(e));
    await fetch(`${run.fleet.url('crm')}/admin-api/v1/events/republish`, {
      method: 'POST',
      headers: { 'x-bss-api-token': TOKEN, 'content-type': 'application/json' },
      body: JSON.stringify({ eventIds: [created.eventId] }),
    });
    await waitFor('re-published copy', () => late.find((e) => e.eventId === created.eventId));
    // …and the first consumer, which got it three times, handled it once.
    expect(run.broker!.depth('observer.sales')).toBe(0);
    expect(seen.filter((e) => e.eventId === created.eventId)).toHaveLength(1);
    expect(await inbox('observer.sales', created.eventId)).toBe(1);
  });
});
