// Cards on file through the HTTP API: add, list, get, set default, remove, and one test per policy rule.
import { ServiceUnavailableError } from '@bss/clients';
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, cardBody, fakeCustomers, fakeSubscriptions, http, MASTERCARD, METHODS, outboxEvents, type TestApp } from '../helpers.ts';

let db: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof http>;
const subscriptions = fakeSubscriptions({ 'CUST-subbed': ['SUB-0001'] });

beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db, {
    customers: fakeCustomers({ 'CUST-ghost': undefined, 'CUST-closed': 'closed', 'CUST-pending': 'pending' }),
    subscriptions,
  });
  api = http(t.app);
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

const add = async (customerId: string, overrides = {}) => {
  const res = await api.post(METHODS, cardBody(customerId, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('add a card', () => {
  it('stores a tokenized card, makes the first one the default and stages payment_method.added', async () => {
    const res = await api.post(METHODS, cardBody('CUST-add1'));
    expect(res.statusCode).toBe(201);
    const pm = res.json();
    expect(pm).toMatchObject({
      relatedParty: { id: 'CUST-add1', '@referredType': 'Customer' },
      issuer: 'mock',
      brand: 'visa',
      lastFourDigits: '4242',
      expirationDate: '2030-12-31T23:59:59.999Z',
      name: 'visa •••• 4242',
      isPreferred: true,
      status: 'active',
      statusDate: '2026-06-01T00:00:00.000Z',
      '@type': 'tokenizedCard',
    });
    expect(res.headers.location).toBe(pm.href);
    expect(pm.id).toMatch(/^PM-\d{4,}$/);
    expect(pm.href).toBe(`http://localhost:8003${METHODS}/${pm.id}`);
    expect(pm).not.toHaveProperty('providerToken');
    const [event] = (await outboxEvents(db, 'payment_method.added')).filter((e) => e.aggregate_id === pm.id);
    expect(event!.payload).toEqual({
      paymentMethodId: pm.id,
      customerId: 'CUST-add1',
      brand: 'visa',
      last4: '4242',
      tokenizationProvider: 'mock',
      isDefault: true,
    });
  });

  it('accepts pending customers and does not make a second card the default', async () => {
    const first = await add('CUST-pending');
    const second = await add('CUST-pending', { cardNumber: MASTERCARD, expMonth: 6, expYear: 2026 });
    expect(first.isPreferred).toBe(true);
    expect(second).toMatchObject({ isPreferred: false, brand: 'mastercard', lastFourDigits: '4444' });
  });

  it('refuses an unknown customer (payment_method.add.customer_exists)', async () => {
    const res = await api.post(METHODS, cardBody('CUST-ghost'));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'POLICY_VIOLATION', reason: 'payment_method.add.customer_exists', context: { customerId: 'CUST-ghost' } });
  });

  it('refuses a customer that is neither active nor pending (payment_method.add.customer_active_or_pending)', async () => {
    const res = await api.post(METHODS, cardBody('CUST-closed'));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ reason: 'payment_method.add.customer_active_or_pending', context: { status: 'closed' } });
  });

  it('refuses a card whose expiry month is past on the business clock (payment_method.add.card_not_expired)', async () => {
    const res = await api.post(METHODS, cardBody('CUST-exp', { expMonth: 5, expYear: 2026 }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ reason: 'payment_method.add.card_not_expired', context: { expMonth: 5, expYear: 2026 } });
    // The current month is still valid.
    expect((await api.post(METHODS, cardBody('CUST-exp', { expMonth: 6, expYear: 2026 }))).statusCode).toBe(201);
  });

  it('refuses a sixth active card (payment_method.add.at_most_n_methods)', async () => {
    for (let i = 0; i < 5; i++) await add('CUST-full');
    const res = await api.post(METHODS, cardBody('CUST-full'));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ reason: 'payment_method.add.at_most_n_methods', context: { currentCount: 5, max: 5 } });
  });

  it('refuses a number the provider rejects (payment_method.add.card_number_valid)', async () => {
    const res = await api.post(METHODS, cardBody('CUST-luhn', { cardNumber: '4242 4242 4242 4241' }));
    expect(res.statusCode).toBe(422);
    expect(res.json().reason).toBe('payment_method.add.card_number_valid');
    expect(res.body).not.toContain('4241');
  });

  it('answers 503 when CRM is unavailable, before writing anything', async () => {
    const down = await buildTestApp(db, {
      customers: { getCustomerStatus: async () => Promise.reject(new ServiceUnavailableError('crm', 'downstream.unavailable', 'crm answered HTTP 503', 503)) },
    });
    const res = await http(down.app).post(METHODS, cardBody('CUST-down'));
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'DOWNSTREAM_UNAVAILABLE' });
    expect((await db.pool.query(`SELECT 1 FROM payment.payment_method WHERE customer_id = 'CUST-down'`)).rowCount).toBe(0);
    await down.app.close();
  });
});

describe('read cards', () => {
  it('lists only active methods, newest first, with paging headers, and gets one by id', async () => {
    const a = await add('CUST-list');
    const b = await add('CUST-list');
    const c = await add('CUST-list');
    expect((await api.del(`${METHODS}/${b.id}`)).statusCode).toBe(204);
    const res = await api.get(`${METHODS}?customerId=CUST-list`);
    expect(res.statusCode).toBe(200);
    expect(res.json().map((m: { id: string }) => m.id)).toEqual([c.id, a.id]);
    expect(res.headers['x-total-count']).toBe('2');
    const one = await api.get(`${METHODS}/${a.id}`);
    expect(one.json()).toEqual(a);
  });

  it('answers 404 paymentMethod.not_found for an unknown id', async () => {
    const res = await api.get(`${METHODS}/PM-9999999`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'paymentMethod.not_found', context: { paymentMethodId: 'PM-9999999' } });
  });
});

describe('default method', () => {
  it('moves the default in one transaction, leaving exactly one, and stages payment_method.default_changed', async () => {
    const a = await add('CUST-def');
    const b = await add('CUST-def');
    const res = await api.post(`${METHODS}/${b.id}/setDefault`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: b.id, isPreferred: true });
    const defaults = await db.pool.query(`SELECT id FROM payment.payment_method WHERE customer_id = 'CUST-def' AND is_default`);
    expect(defaults.rows).toEqual([{ id: b.id }]);
    const [event] = (await outboxEvents(db, 'payment_method.default_changed')).filter((e) => e.aggregate_id === b.id);
    expect(event!.payload).toMatchObject({ customerId: 'CUST-def', previousDefaultId: a.id, cause: 'set_default' });
    // Setting it again is a no-op.
    expect((await api.post(`${METHODS}/${b.id}/setDefault`)).json().isPreferred).toBe(true);
  });

  it('refuses a removed method (payment_method.set_default.removed) and unknown ids (404)', async () => {
    const a = await add('CUST-def2');
    await add('CUST-def2');
    await api.del(`${METHODS}/${a.id}`);
    const res = await api.post(`${METHODS}/${a.id}/setDefault`);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ reason: 'payment_method.set_default.removed', context: { status: 'removed' } });
    expect((await api.post(`${METHODS}/PM-0000000/setDefault`)).statusCode).toBe(404);
  });
});

describe('remove a card', () => {
  it('soft-removes and promotes the newest remaining active method when the default goes', async () => {
    const a = await add('CUST-rm');
    const b = await add('CUST-rm');
    const c = await add('CUST-rm');
    const res = await api.del(`${METHODS}/${a.id}`);
    expect(res.statusCode).toBe(204);
    t.platform.clock.advance(1000);
    expect((await api.get(`${METHODS}/${a.id}`)).json()).toMatchObject({ id: a.id, status: 'removed', isPreferred: false, statusDate: '2026-06-01T00:00:00.000Z' });
    const [latest, older] = (await api.get(`${METHODS}?customerId=CUST-rm`)).json();
    expect(latest).toMatchObject({ id: c.id, isPreferred: true });
    expect(older).toMatchObject({ id: b.id, isPreferred: false });
    const [removed] = (await outboxEvents(db, 'payment_method.removed')).filter((e) => e.aggregate_id === a.id);
    expect(removed!.payload).toMatchObject({ customerId: 'CUST-rm', last4: '4242', promotedDefaultId: c.id });
    const [promoted] = (await outboxEvents(db, 'payment_method.default_changed')).filter((e) => e.aggregate_id === c.id);
    expect(promoted!.payload).toMatchObject({ previousDefaultId: a.id, cause: 'promoted_on_remove' });
  });

  it('refuses removing twice (payment_method.remove.already_removed) and answers 404 for unknown ids', async () => {
    const a = await add('CUST-rm2');
    await api.del(`${METHODS}/${a.id}`);
    const again = await api.del(`${METHODS}/${a.id}`);
    expect(again.statusCode).toBe(422);
    expect(again.json().reason).toBe('payment_method.remove.already_removed');
    expect((await api.del(`${METHODS}/PM-0000000`)).statusCode).toBe(404);
  });

  it('refuses the last active method while the customer has a live subscription (payment_method.remove.not_last_if_active_subscription)', async () => {
    const a = await add('CUST-subbed');
    const b = await add('CUST-subbed');
    // Not the last one: allowed, and the subscription service is not even asked.
    expect((await api.del(`${METHODS}/${a.id}`)).statusCode).toBe(204);
    expect(subscriptions.calls).not.toContain('CUST-subbed');
    const res = await api.del(`${METHODS}/${b.id}`);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      reason: 'payment_method.remove.not_last_if_active_subscription',
      context: { paymentMethodId: b.id, customerId: 'CUST-subbed', subscriptionIds: ['SUB-0001'] },
    });
    expect((await api.get(`${METHODS}/${b.id}`)).json().status).toBe('active');
  });

  it('lets the last method go when the customer has no live subscription', async () => {
    const a = await add('CUST-nosub');
    expect((await api.del(`${METHODS}/${a.id}`)).statusCode).toBe(204);
    expect(subscriptions.calls).toContain('CUST-nosub');
  });
});
