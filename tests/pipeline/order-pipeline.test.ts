// The order pipeline end to end over real parts: COM → SOM → provisioning-sim → SOM → subscription → COM, every
// service in one fleet, real HTTP between them, real RabbitMQ and Postgres. The happy path and every failure path
// must end cleanly: a terminal order, nothing parked, nothing reserved that no order holds, nothing charged twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipelineFleet, type PipelineFleet } from './support/pipeline-fleet.ts';
import { eventually, pipelineClients, placeOrder, poolFigures, signUp, waitOrder, type PipelineClients } from './support/journey.ts';

let fleet: PipelineFleet;
let c: PipelineClients;

beforeAll(async () => {
  fleet = await startPipelineFleet();
  c = pipelineClients(fleet);
});

afterAll(async () => {
  await fleet?.stop();
});

/** Every approved or declined charge of a customer. */
async function charges(customerId: string) {
  return (await c.payment.listPayments(customerId, { limit: 100 })).items;
}

describe('the order pipeline', () => {
  it('turns an order into an active line with balances, a number and an eSIM ready to download', async () => {
    const before = await poolFigures(c);
    const customerId = await signUp(c);
    const orderId = await placeOrder(c, customerId, 'PLAN_M');
    const order = await waitOrder(c, orderId);
    expect(order).toMatchObject({ state: 'completed', failureCause: null });
    expect(order.subscriptionId).toMatch(/^SUB-/);

    const sub = await c.subscription.get(order.subscriptionId!);
    expect(sub).toMatchObject({ customerId, state: 'active', offeringId: 'PLAN_M', msisdn: order.msisdn });
    const balances = await c.subscription.balances(sub.id);
    expect(balances.map((b) => b.allowanceType)).toEqual(expect.arrayContaining(['data', 'voice', 'sms']));
    const esim = await c.subscription.esim(sub.id);
    expect(esim.iccid).toBe(order.iccid);
    expect(esim.activationCode).toMatch(/^LPA:1\$/);

    // the number is the subscription's, and exactly one activation charge was taken
    const msisdn = await c.inventory.getMsisdn(order.msisdn!);
    expect(msisdn).toMatchObject({ status: 'assigned', assignedToSubscriptionId: sub.id, assignedToCustomerId: customerId });
    const paid = await charges(customerId);
    expect(paid.filter((p) => p.status === 'approved')).toHaveLength(1);

    // SOM's services carry the subscription id once it exists
    const so = await c.som.serviceOrderForOrder(orderId);
    expect(so.state).toBe('completed');
    await eventually('services linked to the subscription', async () => {
      const services = (await c.som.listServices({ subscriptionId: sub.id } as never)).items;
      return services.length >= 3 ? services : undefined;
    });

    const after = await poolFigures(c);
    expect(after.msisdn.assigned).toBe(before.msisdn.assigned + 1);
    expect(after.msisdn.reserved).toBe(before.msisdn.reserved);
    expect(await fleet.parked()).toEqual({});
  });

  it('fails the order cleanly when the activation charge is declined: no subscription, inventory back, order.failed', async () => {
    const before = await poolFigures(c);
    const customerId = await signUp(c, 'decline');
    const orderId = await placeOrder(c, customerId);
    const order = await waitOrder(c, orderId);
    expect(order).toMatchObject({ state: 'failed', failureCause: 'activation_declined', subscriptionId: null });
    expect(await c.subscription.listByCustomer(customerId)).toEqual([]);
    const paid = await charges(customerId);
    expect(paid.filter((p) => p.status === 'approved')).toHaveLength(0);
    // SOM tears the services down and gives the number and the profile back
    await eventually('the service order torn down', async () => {
      const so = await c.som.serviceOrderForOrder(orderId);
      return so.state === 'torn_down' ? so : undefined;
    });
    const after = await eventually('inventory back in the pools', async () => {
      const f = await poolFigures(c);
      return f.msisdn.reserved === before.msisdn.reserved && f.esim.reserved === before.esim.reserved ? f : undefined;
    });
    expect(after.msisdn.assigned).toBe(before.msisdn.assigned);
    expect(await fleet.parked()).toEqual({});
  });

  it('fails the order on a permanent provisioning failure, and never charges', async () => {
    const before = await poolFigures(c);
    const rule = await c.provisioning.createFaultRule({ taskType: 'HLR_PROVISION', mode: 'fail_always', permanent: true });
    try {
      const customerId = await signUp(c);
      const orderId = await placeOrder(c, customerId);
      const order = await waitOrder(c, orderId);
      expect(order).toMatchObject({ state: 'failed', failureCause: 'provisioning_failed', subscriptionId: null });
      expect(await charges(customerId)).toEqual([]);
      const after = await eventually('inventory back in the pools', async () => {
        const f = await poolFigures(c);
        return f.msisdn.reserved === before.msisdn.reserved && f.esim.reserved === before.esim.reserved ? f : undefined;
      });
      expect(after.msisdn.assigned).toBe(before.msisdn.assigned);
    } finally {
      await c.provisioning.deleteFaultRule(rule.id);
    }
    expect(await fleet.parked()).toEqual({});
  });

  it('waits on a stuck task until the operator resolves it; then the original order completes', async () => {
    const rule = await c.provisioning.createFaultRule({ taskType: 'OCS_BALANCE_INIT', mode: 'stuck' });
    const customerId = await signUp(c);
    const orderId = await placeOrder(c, customerId);
    const so = await eventually('the service order awaiting the operator', async () => {
      const s = await c.som.serviceOrderForOrder(orderId).catch(() => undefined);
      return s && s.tasks?.some((t: { state: string }) => t.state === 'stuck') ? s : undefined;
    });
    expect((await c.com.getView(orderId)).state).toBe('in_progress');
    await c.provisioning.deleteFaultRule(rule.id);
    const stuck = (await c.provisioning.listTasks({ serviceOrderId: so.id, state: 'stuck' })).items;
    expect(stuck).toHaveLength(1);
    await c.provisioning.resolveTask(stuck[0]!.id, 'HSS rebooted by the NOC');
    const order = await waitOrder(c, orderId);
    expect(order.state).toBe('completed');
    expect((await charges(customerId)).filter((p) => p.status === 'approved')).toHaveLength(1);
    expect(await fleet.parked()).toEqual({});
  });

  it('holds a retryably failed task for the operator; a retry completes the original order', async () => {
    const rule = await c.provisioning.createFaultRule({ taskType: 'PCRF_POLICY_PUSH', mode: 'fail_always', permanent: false });
    const customerId = await signUp(c);
    const orderId = await placeOrder(c, customerId);
    const failed = await eventually('a retryably failed task', async () => {
      const so = await c.som.serviceOrderForOrder(orderId).catch(() => undefined);
      if (!so) return undefined;
      const tasks = (await c.provisioning.listTasks({ serviceOrderId: so.id, state: 'failed' })).items;
      return tasks[0];
    });
    expect((await c.com.getView(orderId)).state).toBe('in_progress');
    await c.provisioning.deleteFaultRule(rule.id);
    await c.provisioning.retryTask(failed.id);
    expect((await waitOrder(c, orderId)).state).toBe('completed');
    expect(await fleet.parked()).toEqual({});
  });

  it('cancels a submitted order SOM has not started, and one SOM has started is refused', async () => {
    const customerId = await signUp(c);
    const early = await c.com.create({ customerId, offeringId: 'PLAN_S' });
    const cancelled = await c.com.cancel(early.id, 'changed my mind');
    expect(cancelled.state).toBe('cancelled');

    const orderId = await placeOrder(c, customerId, 'PLAN_S');
    await waitOrder(c, orderId);
    const err = await c.com.cancel(orderId).catch((e: unknown) => e);
    expect(err).toMatchObject({ rule: 'order.transition.invalid' });
  });
});
