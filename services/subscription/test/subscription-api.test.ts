// The subscription API over real HTTP with the typed client: the operator create (same use-case and policies as
// the consumer, idempotent on the order), the reads, their errors — and the two rules that waited for this
// service, now live against it: CRM refuses to close a customer with a live line, payment refuses to remove
// the last card of one.
import { createSubscriptionClient, NotFoundError, PolicyViolationError, ValidationError } from '@bss/clients';
import { TEST_TENANT_B_TOKEN, TEST_TOKEN } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_DECLINE, readyLine, startHarness, type Harness } from './fleet-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

const createBody = (line: Awaited<ReturnType<typeof readyLine>>) => ({
  customerId: line.customerId,
  offeringId: 'PLAN_S',
  msisdn: line.msisdn,
  iccid: line.iccid,
  paymentMethodId: line.paymentMethodId,
  commercialOrderId: line.orderId,
});

const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PolicyViolationError);
  return err as PolicyViolationError;
};

describe('POST /subscription-api/v1/subscription (operator create)', () => {
  it('activates at the active recurring price without a snapshot, and replays for the same order without charging again', async () => {
    const line = await readyLine(h);
    const { subscription, payment } = h.clients;
    const created = await subscription.create(createBody(line));
    expect(created).toMatchObject({ state: 'active', offeringId: 'PLAN_S', priceAmount: '10.00', priceOfferingPriceId: 'PRICE_PLAN_S', commercialOrderId: line.orderId });
    expect(created.href).toMatch(new RegExp(`^https?://[^/]+/subscription-api/v1/subscription/${created.id}$`));
    expect(created.balances.find((b) => b.allowanceType === 'data_roaming')).toMatchObject({ total: 0, remaining: 0 });

    const again = await subscription.create(createBody(line));
    expect(again.id).toBe(created.id);
    const raw = await fetch(`${h.fleet.url('subscription')}/subscription-api/v1/subscription`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bss-api-token': TEST_TOKEN },
      body: JSON.stringify(createBody(line)),
    });
    expect([raw.status, raw.headers.get('idempotent-replayed')]).toEqual([200, 'true']);
    expect(await payment.countPayments(line.customerId)).toBe(1);
  });

  it('answers each refusal with its rule id and no subscription', async () => {
    const { subscription, crm } = h.clients;
    const line = await readyLine(h);
    expect((await refusal(subscription.create({ ...createBody(line), customerId: 'CUST-nobody' }))).reason).toBe('subscription.create.requires_customer');
    expect((await refusal(subscription.create({ ...createBody(line), offeringId: 'PLAN_NOPE' }))).reason).toBe('subscription.create.requires_offering');
    expect((await refusal(subscription.create({ ...createBody(line), msisdn: '99999999' }))).reason).toBe('subscription.create.msisdn_and_esim_reserved');
    // another customer's card: payment's own rule comes back
    const other = await readyLine(h);
    expect((await refusal(subscription.create({ ...createBody(line), paymentMethodId: other.paymentMethodId }))).reason).toBe('payment.charge.customer_matches_method');

    const declining = await readyLine(h, MOCK_DECLINE);
    const declined = await refusal(subscription.create(createBody(declining)));
    expect(declined).toMatchObject({ reason: 'subscription.create.requires_payment_success', context: { paymentStatus: 'declined' } });
    expect(await subscription.listByCustomer(declining.customerId)).toEqual([]);

    await crm.patchCustomer(line.customerId, { status: 'closed' });
    expect((await refusal(subscription.create(createBody(line)))).reason).toBe('subscription.create.requires_customer');
  });

  it('validates the body (400 naming the field) before anything runs', async () => {
    const line = await readyLine(h);
    const err = await h.clients.subscription.create({ ...createBody(line), msisdn: 'abc' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const res = await fetch(`${h.fleet.url('subscription')}/subscription-api/v1/subscription`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bss-api-token': TEST_TOKEN },
      body: JSON.stringify({ ...createBody(line), commercialOrderId: undefined }),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('commercialOrderId');
  });
});

describe('reads', () => {
  it('404s unknown ids and numbers, 400s a list without customerId, and lists [] for a customer without lines', async () => {
    const { subscription } = h.clients;
    await expect(subscription.get('SUB-nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(subscription.balances('SUB-nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(subscription.esim('SUB-nope')).rejects.toBeInstanceOf(NotFoundError);
    await expect(subscription.getByMsisdn('90009999')).rejects.toBeInstanceOf(NotFoundError);
    expect(await subscription.listByCustomer('CUST-none')).toEqual([]);
    const res = await fetch(`${h.fleet.url('subscription')}/subscription-api/v1/subscription`, { headers: { 'x-bss-api-token': TEST_TOKEN } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('tenants', () => {
  it("another tenant's identity sees none of this tenant's lines", async () => {
    const line = await readyLine(h);
    const sub = await h.clients.subscription.create(createBody(line));
    const other = createSubscriptionClient({ baseUrl: h.fleet.url('subscription'), token: TEST_TENANT_B_TOKEN });
    await expect(other.get(sub.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(other.getByMsisdn(line.msisdn)).rejects.toBeInstanceOf(NotFoundError);
    expect(await other.listByCustomer(line.customerId)).toEqual([]);
  });
});

describe('rules that guard on live subscriptions, against the real service', () => {
  it('CRM refuses to close a customer with a live subscription (customer.close.no_active_subscriptions)', async () => {
    const line = await readyLine(h);
    const sub = await h.clients.subscription.create(createBody(line));
    const err = await refusal(h.clients.crm.patchCustomer(line.customerId, { status: 'closed' }));
    expect(err).toMatchObject({ reason: 'customer.close.no_active_subscriptions', context: { activeSubscriptions: [sub.id] } });
  });

  it('payment refuses to remove the last card of a customer with a live subscription (payment_method.remove.not_last_if_active_subscription)', async () => {
    const line = await readyLine(h);
    const sub = await h.clients.subscription.create(createBody(line));
    const err = await refusal(h.clients.payment.removeMethod(line.paymentMethodId));
    expect(err).toMatchObject({ reason: 'payment_method.remove.not_last_if_active_subscription', context: { subscriptionIds: [sub.id] } });

    // a customer without a line may still close and drop its card
    const free = await readyLine(h);
    await h.clients.payment.removeMethod(free.paymentMethodId);
    expect((await h.clients.crm.patchCustomer(free.customerId, { status: 'closed' })).status).toBe('closed');
  });
});
