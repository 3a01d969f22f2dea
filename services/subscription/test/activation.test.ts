// The activation consumer against real parts: catalog, crm (customers + inventory), payment (mock card
// processor) and subscription over HTTP, on real Postgres and RabbitMQ. Covers the happy path through the bus,
// two concurrent deliveries of one order (one charge, one subscription), a declined charge (no row, a declined
// event, nothing on redelivery) and a refusing policy (closed customer: nothing charged).
import { subscription as c } from '@bss/contracts';
import { isTransient } from '@bss/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_DECLINE, readyLine, serviceOrderCompleted, startHarness, type Harness } from './fleet-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

const outbox = async (eventType: string, aggregateId: string) =>
  (await h.db.pool.query('SELECT payload, correlation_id FROM subscription.outbox WHERE event_type = $1 AND aggregate_id = $2 ORDER BY id', [eventType, aggregateId])).rows as {
    payload: Record<string, unknown>;
    correlation_id: string;
  }[];
const subscriptionRows = async (orderId: string) =>
  (await h.db.pool.query('SELECT id, state FROM subscription.subscription WHERE commercial_order_id = $1', [orderId])).rows as { id: string; state: string }[];

describe('service_order.completed → activation', () => {
  it('charges the card once and activates the line with its balances, number, eSIM and event (through the bus)', async () => {
    const line = await readyLine(h);
    await h.publish(serviceOrderCompleted(line));

    const activated = await h.waitFor('subscription.activated', () =>
      h.received.find((e) => e.eventType === 'subscription.activated' && (e.payload as { orderId: string }).orderId === line.orderId),
    );
    expect(activated).toMatchObject({ correlationId: line.orderId, aggregateType: 'subscription' });
    const subId = activated.aggregateId;
    expect(activated.payload).toMatchObject({
      subscriptionId: subId,
      orderId: line.orderId,
      customerId: line.customerId,
      offeringId: 'PLAN_M',
      msisdn: line.msisdn,
      iccid: line.iccid,
      amountCharged: '25.00',
      currency: 'SGD',
    });

    const { subscription: subs, inventory, payment } = h.clients;
    const sub = await subs.get(subId);
    expect(c.Subscription.parse(sub)).toMatchObject({
      state: 'active',
      stateReason: 'activation_payment_approved',
      commercialOrderId: line.orderId,
      priceAmount: '25.00',
      priceCurrency: 'SGD',
      priceOfferingPriceId: 'PRICE_PLAN_M',
      paymentMethodId: line.paymentMethodId,
      activationPaymentId: (activated.payload as { paymentId: string }).paymentId,
      atType: 'Subscription',
    });
    expect(new Date(sub.currentPeriodEnd!).getUTCMonth()).toBe((new Date(sub.currentPeriodStart!).getUTCMonth() + 1) % 12);
    expect(sub.nextRenewalAt).toBe(sub.currentPeriodEnd);
    expect(sub.balances.map((b) => [b.allowanceType, b.total, b.remaining, b.unit])).toEqual([
      ['data', 30720, 30720, 'mb'],
      ['voice', -1, -1, 'minutes'],
      ['sms', -1, -1, 'count'],
      ['data_roaming', 500, 500, 'mb'],
    ]);
    expect(await subs.balances(subId)).toEqual(sub.balances);
    expect((await subs.getByMsisdn(line.msisdn)).id).toBe(subId);
    expect((await subs.listByCustomer(line.customerId)).map((s) => [s.id, s.state])).toEqual([[subId, 'active']]);

    // the number and profile now belong to the line; the eSIM view carries the inventory's activation code
    expect(await inventory.getMsisdn(line.msisdn)).toMatchObject({ status: 'assigned', assignedToSubscriptionId: subId, assignedToCustomerId: line.customerId });
    expect(await inventory.getEsim(line.iccid)).toMatchObject({ assignedMsisdn: line.msisdn, assignedToSubscriptionId: subId, assignedToCustomerId: line.customerId });
    const code = await inventory.getEsimActivation(line.iccid);
    expect(await subs.esim(subId)).toEqual({ subscriptionId: subId, iccid: line.iccid, msisdn: line.msisdn, activationCode: code.activationCode, smdpServer: code.smdpServer, matchingId: code.matchingId });

    // one charge, keyed by the order; pending → active is in the history
    expect(await payment.countPayments(line.customerId)).toBe(1);
    const [charge] = (await payment.listPayments(line.customerId)).items;
    expect(charge).toMatchObject({ correlatorId: `activation:${line.orderId}`, status: 'approved', totalAmount: { value: 25, unit: 'SGD' } });
    const history = await h.db.pool.query('SELECT from_state, to_state, trigger FROM subscription.subscription_state_history WHERE subscription_id = $1 ORDER BY id', [subId]);
    expect(history.rows).toEqual([
      { from_state: null, to_state: 'pending', trigger: 'create' },
      { from_state: 'pending', to_state: 'active', trigger: 'activate' },
    ]);
  });

  it('delivered twice concurrently (two event ids, and one event twice) charges once and creates one subscription', async () => {
    const line = await readyLine(h);
    const first = serviceOrderCompleted(line);
    const republished = { ...serviceOrderCompleted(line), eventId: crypto.randomUUID() };
    const outcomes = await Promise.all([h.deliver(first), h.deliver(republished), h.deliver(first)]);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(1);

    const rows = await subscriptionRows(line.orderId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.state).toBe('active');
    expect(await h.clients.payment.countPayments(line.customerId)).toBe(1);
    expect(await outbox('subscription.activated', rows[0]!.id)).toHaveLength(1);

    // a late redelivery still changes nothing
    expect(await h.deliver({ ...first, eventId: crypto.randomUUID() })).toBe('handled');
    expect(await subscriptionRows(line.orderId)).toHaveLength(1);
    expect(await outbox('subscription.activated', rows[0]!.id)).toHaveLength(1);
    expect(await h.clients.payment.countPayments(line.customerId)).toBe(1);
  });

  it('a declined charge creates no subscription and stages activation_declined; a redelivery charges and emits nothing', async () => {
    const line = await readyLine(h, MOCK_DECLINE);
    expect(await h.deliver(serviceOrderCompleted(line))).toBe('handled');

    expect(await subscriptionRows(line.orderId)).toEqual([]);
    const [declined, ...more] = await outbox('subscription.activation_declined', line.orderId);
    expect(more).toEqual([]);
    const [attempt] = (await h.clients.payment.listPayments(line.customerId)).items;
    expect(attempt).toMatchObject({ status: 'declined', correlatorId: `activation:${line.orderId}` });
    expect(declined).toMatchObject({
      correlation_id: line.orderId,
      payload: {
        orderId: line.orderId,
        customerId: line.customerId,
        offeringId: 'PLAN_M',
        serviceOrderId: `SO-${line.orderId}`,
        paymentId: attempt!.id,
        reason: 'subscription.create.requires_payment_success',
        declineCode: 'declined',
      },
    });
    // the number is not assigned (SOM releases it on the declined event)
    expect((await h.clients.inventory.getMsisdn(line.msisdn)).status).toBe('reserved');

    expect(await h.deliver(serviceOrderCompleted(line))).toBe('handled');
    expect(await outbox('subscription.activation_declined', line.orderId)).toHaveLength(1);
    expect(await h.clients.payment.countPayments(line.customerId)).toBe(1);
    expect(await subscriptionRows(line.orderId)).toEqual([]);

    // the operator create for the same order answers the recorded outcome, without a charge
    const replay = await h.clients.subscription
      .create({ customerId: line.customerId, offeringId: 'PLAN_M', msisdn: line.msisdn, iccid: line.iccid, paymentMethodId: line.paymentMethodId, commercialOrderId: line.orderId })
      .catch((e: unknown) => e);
    expect(replay).toMatchObject({ status: 422, reason: 'subscription.create.requires_payment_success' });
    expect(await h.clients.payment.countPayments(line.customerId)).toBe(1);
  });

  it('a refusing policy (customer closed) declines without charging', async () => {
    const line = await readyLine(h);
    await h.clients.crm.patchCustomer(line.customerId, { status: 'closed' });
    await h.deliver(serviceOrderCompleted(line));

    const [declined] = await outbox('subscription.activation_declined', line.orderId);
    expect(declined?.payload).toMatchObject({ reason: 'subscription.create.requires_customer', paymentId: null, declineCode: null });
    expect(await h.clients.payment.countPayments(line.customerId)).toBe(0);
    expect(await subscriptionRows(line.orderId)).toEqual([]);
  });

  it('a number that is not reserved for the line is refused before any charge', async () => {
    const line = await readyLine(h);
    await h.clients.inventory.releaseMsisdn(line.msisdn);
    await h.deliver(serviceOrderCompleted(line));
    const [declined] = await outbox('subscription.activation_declined', line.orderId);
    expect(declined?.payload).toMatchObject({ reason: 'subscription.create.msisdn_and_esim_reserved' });
    expect(await h.clients.payment.countPayments(line.customerId)).toBe(0);
  });

  it('a transport failure is transient: it throws, records nothing, and the retry activates with one charge', async () => {
    const line = await readyLine(h);
    const event = serviceOrderCompleted(line);
    const err = await h.deliverWithoutPayment(event).catch((e: unknown) => e);
    expect(isTransient(err)).toBe(true);
    expect(await subscriptionRows(line.orderId)).toEqual([]);
    expect((await h.db.pool.query('SELECT 1 FROM subscription.inbox WHERE event_id = $1', [event.eventId])).rowCount).toBe(0);
    expect((await h.db.pool.query('SELECT 1 FROM subscription.activation WHERE order_id = $1', [line.orderId])).rowCount).toBe(0);

    expect(await h.deliver(event)).toBe('handled');
    expect(await subscriptionRows(line.orderId)).toMatchObject([{ state: 'active' }]);
    expect(await h.clients.payment.countPayments(line.customerId)).toBe(1);
  });

  it('a crash after the charge and inventory writes rolls back; the retry replays the same keys and activates once', async () => {
    const line = await readyLine(h);
    const event = serviceOrderCompleted(line);
    await expect(h.deliverThenCrash(event)).rejects.toThrow('died before the commit');
    expect(await subscriptionRows(line.orderId)).toEqual([]);
    // the outside world already moved: charged, number assigned to the (derived) subscription id
    const assignedTo = (await h.clients.inventory.getMsisdn(line.msisdn)).assignedToSubscriptionId;
    expect(assignedTo).toMatch(/^SUB-/);
    expect(await outbox('subscription.activated', assignedTo!)).toEqual([]);

    expect(await h.deliver(event)).toBe('handled');
    expect(await subscriptionRows(line.orderId)).toEqual([{ id: assignedTo, state: 'active' }]);
    expect(await h.clients.payment.countPayments(line.customerId)).toBe(1);
    expect(await outbox('subscription.activated', assignedTo!)).toHaveLength(1);
  });
});
