// Block-on-exhaust end to end over real parts: an ordered line's usage goes mediation → rating → subscription
// over RabbitMQ; the line blocks exactly when its data reaches zero (duplicates counted once), further usage is
// refused at the edge, roaming without a roaming balance is rejected while the line stays active, and only a
// data top-up brings it back.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, pipelineClients, placeOrder, signUp, waitOrder, type PipelineClients } from './support/journey.ts';
import { startPipelineFleet, type PipelineFleet } from './support/pipeline-fleet.ts';

let fleet: PipelineFleet;
let c: PipelineClients;
beforeAll(async () => {
  fleet = await startPipelineFleet();
  c = pipelineClients(fleet);
});
afterAll(async () => {
  await fleet?.stop();
});

const dataLeft = async (subscriptionId: string) => (await c.subscription.balances(subscriptionId)).find((b) => b.allowanceType === 'data')!;

describe('usage on an active line', () => {
  it('counts every distinct usage once, blocks at exactly zero, refuses more, and a data top-up restores the line', async () => {
    const customerId = await signUp(c);
    const order = await waitOrder(c, await placeOrder(c, customerId, 'PLAN_S'));
    expect(order.state).toBe('completed');
    const sub = await c.subscription.get(order.subscriptionId!);
    const msisdn = sub.msisdn;
    const start = await dataLeft(sub.id);
    expect(start.remaining).toBe(5120);

    // roaming data on PLAN_S (0 MB roaming) is rejected downstream; the line stays active, home data untouched
    await c.mediation.recordUsage({ msisdn, eventType: 'data', eventTime: '2026-12-01T09:00:00Z', quantity: 10, unit: 'mb', roaming: true, externalId: `roam-${randomBytes(4).toString('hex')}` });

    // 5,120 MB in 40 records of 128 MB, all posted concurrently and each one twice (the sender retried)
    const ids = Array.from({ length: 40 }, (_, i) => `cdr-${randomBytes(3).toString('hex')}-${i}`);
    const post = (externalId: string, i: number) =>
      c.mediation.recordUsage({ msisdn, eventType: 'data', eventTime: new Date(Date.parse('2026-12-01T10:00:00Z') + i * 1000).toISOString(), quantity: 128, unit: 'mb', externalId });
    await Promise.all([...ids.map(post), ...ids.map(post)]);

    const blocked = await eventually('the line blocked', async () => {
      const s = await c.subscription.get(sub.id);
      return s.state === 'blocked' ? s : undefined;
    });
    expect(blocked.state).toBe('blocked');
    expect((await dataLeft(sub.id)).remaining).toBe(0);
    // exactly the distinct records were stored and counted
    expect((await c.mediation.listUsage({ subscriptionId: sub.id, limit: 100 })).total).toBe(41);

    // a blocked line's usage is refused at the edge, nothing stored
    const refused = await post(`late-${randomBytes(3).toString('hex')}`, 99).catch((e: unknown) => e);
    expect(refused).toMatchObject({ rule: 'usage.record.subscription_must_be_active' });

    // a data top-up restores the exhausted allowance and unblocks the line
    const topUp = await c.subscription.purchaseVas(sub.id, { vasOfferingId: 'VAS_DATA_1GB' });
    expect(topUp).toBeDefined();
    const restored = await c.subscription.get(sub.id);
    expect(restored.state).toBe('active');
    expect((await dataLeft(sub.id)).remaining).toBe(1024);
    expect(await fleet.parked()).toEqual({});
  });
});
