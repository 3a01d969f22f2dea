// createPaymentClient against a really listening payment app: every call, typed errors and paging.
import { createPaymentClient, NotFoundError, PolicyViolationError, ValidationError, type PaymentClient } from '@bss/clients';
import { createTestDatabase, TEST_TOKEN, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, DECLINE_CARD, type TestApp } from './helpers.ts';

let db: TestDatabase;
let t: TestApp;
let client: PaymentClient;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db);
  const url = await t.app.listen({ host: '127.0.0.1', port: 0 });
  client = createPaymentClient({ baseUrl: url, token: TEST_TOKEN, actor: 'client-test', channel: 'cli' });
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});

describe('payment client', () => {
  it('adds, lists, defaults and removes cards', async () => {
    const first = await client.addCard({ customerId: 'CUST-cli', cardNumber: '4242424242424242', cvv: '123', expMonth: 1, expYear: 2031 });
    const second = await client.addCard({ customerId: 'CUST-cli', cardNumber: DECLINE_CARD, cvv: '123', expMonth: 2, expYear: 2031 });
    expect(first.isPreferred).toBe(true);
    expect((await client.listMethods('CUST-cli')).map((m) => m.id)).toEqual([second.id, first.id]);
    expect((await client.setDefault(second.id)).isPreferred).toBe(true);
    expect((await client.getMethod(first.id)).isPreferred).toBe(false);
    await client.removeMethod(first.id);
    expect((await client.getMethod(first.id)).status).toBe('removed');
    const events = await db.pool.query(`SELECT actor, channel FROM payment.outbox WHERE aggregate_id = $1 ORDER BY id`, [first.id]);
    expect(events.rows[0]).toEqual({ actor: 'client-test', channel: 'cli' });
  });

  it('charges, replays, pages and counts', async () => {
    const pm = await client.addCard({ customerId: 'CUST-cli2', cardNumber: '5555555555554444', cvv: '321', expMonth: 3, expYear: 2032 });
    const body = { customerId: 'CUST-cli2', paymentMethodId: pm.id, amount: '9.90', purpose: 'vas' as const, idempotencyKey: 'client-test-0001' };
    const paid = await client.charge(body);
    expect(paid).toMatchObject({ status: 'approved', totalAmount: { value: 9.9, unit: 'SGD' }, correlatorId: 'client-test-0001' });
    expect(await client.charge(body)).toEqual(paid);
    await client.charge({ ...body, amount: '1.00', idempotencyKey: 'client-test-0002' });
    const page = await client.listPayments('CUST-cli2', { limit: 1 });
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    expect(await client.countPayments('CUST-cli2')).toBe(2);
    expect((await client.getPayment(paid.id)).id).toBe(paid.id);
  });

  it('raises typed errors: NotFoundError, PolicyViolationError with the rule, ValidationError', async () => {
    await expect(client.getPayment('PAY-0000000')).rejects.toBeInstanceOf(NotFoundError);
    const refused = client.charge({ customerId: 'CUST-x', paymentMethodId: 'PM-0000000', amount: '1.00', purpose: 'vas', idempotencyKey: 'client-test-0003' });
    await expect(refused).rejects.toBeInstanceOf(PolicyViolationError);
    await expect(refused).rejects.toMatchObject({ rule: 'payment.charge.method_not_found' });
    await expect(client.addCard({ customerId: 'CUST-x', cardNumber: 'abc', cvv: '1', expMonth: 1, expYear: 2031 })).rejects.toBeInstanceOf(ValidationError);
  });
});
