// SOM's consumers against a real CRM inventory (started by the fleet) and real Postgres: decomposition, task
// progress (shuffled, duplicated), operator waits, permanent failure, inventory refusal, subscription link and
// teardown. Events are delivered through the real inbox path (handleOnce / deliverShuffled).
import { PROVISIONING_TASK_TYPES, type EventPayload } from '@bss/contracts';
import { createInventoryClient } from '@bss/clients';
import { deliverShuffled, handleOnce, isTransient } from '@bss/events';
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { somHandlers } from '../src/consumers.ts';
import { createDeps } from '../src/deps.ts';
import { createQueryService } from '../src/services/query.service.ts';
import { deliver, orderInProgress, stagedFor, startHarness, taskEvent, envelopeOf, type SomHarness } from './support.ts';

let db: TestDatabase;
let h: SomHarness;
beforeAll(async () => {
  db = await createTestDatabase();
  h = await startHarness(db);
}, 60_000);
afterAll(async () => {
  await h?.stop();
  await db?.drop();
});

const view = (orderId: string) => createQueryService(h.deps).serviceOrderForOrder(orderId);
const reservedCount = async () => (await h.inventory.listMsisdns({ status: 'reserved', limit: 1 })).total;
const reservedEsims = async () => (await h.inventory.listEsims({ state: 'reserved', limit: 1 })).total;

/** Decomposes a fresh order and returns its SOM view and the ids task events need. */
async function decomposed(overrides: Partial<EventPayload<'order.in_progress'>> = {}) {
  const event = orderInProgress(overrides);
  await deliver(h, 'som.order.in_progress', event);
  const so = await view(event.aggregateId);
  const cfs = so.services.find((s) => s.kind === 'CFS')!;
  return { event, so, cfs, ids: { serviceOrderId: so.id, orderId: so.orderId, serviceId: cfs.id } };
}

const completedAt = { completedAt: '2026-06-01T00:01:00Z' };

describe('order.in_progress', () => {
  it('decomposes into a CFS with two RFS, reserves and binds an MSISDN and an eSIM, and requests four tasks', async () => {
    const { event, so, cfs } = await decomposed();
    expect(so).toMatchObject({ state: 'in_progress', orderId: event.aggregateId, customerId: 'CUST-SOMTEST0001', paymentMethodId: 'PM-0001' });
    expect(so.services.map((s) => [s.kind, s.specId, s.state])).toEqual([
      ['CFS', 'MobileBroadband', 'reserved'],
      ['RFS', 'DataService', 'reserved'],
      ['RFS', 'VoiceService', 'reserved'],
    ]);
    expect(so.services.filter((s) => s.kind === 'RFS').every((s) => s.parentServiceId === cfs.id)).toBe(true);
    expect(cfs.activationCode).toMatch(/^LPA:1\$/);
    expect(so.tasks.map((t) => [t.taskType, t.state])).toEqual([...PROVISIONING_TASK_TYPES].sort().map((t) => [t, 'pending']));
    // inventory holds exactly these, bound together
    expect((await h.inventory.getMsisdn(cfs.msisdn!)).status).toBe('reserved');
    expect(await h.inventory.getEsim(cfs.iccid!)).toMatchObject({ profileState: 'reserved', assignedMsisdn: cfs.msisdn, imsi: cfs.imsi });
    const staged = await stagedFor(h, event.aggregateId);
    expect(staged.map((e) => e.eventType)).toEqual(['service_order.in_progress', ...PROVISIONING_TASK_TYPES.map(() => 'provisioning.task.created')]);
    expect(staged.slice(1).map((e) => e.aggregateId)).toEqual(PROVISIONING_TASK_TYPES.map((t) => `${so.id}:${t}`));
    expect(staged[1]!.payload).toMatchObject({ serviceId: cfs.id, msisdn: cfs.msisdn, iccid: cfs.iccid, imsi: cfs.imsi, offeringId: 'PLAN_M' });
  });

  it('honours the MSISDN preference', async () => {
    const { cfs } = await decomposed({ msisdnPreference: '9000099*' });
    expect(cfs.msisdn).toMatch(/^9000099\d$/);
  });

  it('reserves nothing new when the event is redelivered after a rolled-back attempt, or published again', async () => {
    const event = orderInProgress();
    const before = await reservedCount();
    // an attempt that reserved in CRM and then lost its transaction (crash before commit)
    await h.platform.database.db
      .transaction(async (tx) => {
        await h.handlers['som.order.in_progress'](tx, event);
        throw new Error('crash before commit');
      })
      .catch(() => {});
    expect(await reservedCount()).toBe(before! + 1);
    await deliver(h, 'som.order.in_progress', event);
    // the same order event under a new id (COM re-published it)
    await deliver(h, 'som.order.in_progress', { ...event, eventId: crypto.randomUUID() });
    expect(await reservedCount()).toBe(before! + 1);
    expect((await view(event.aggregateId)).state).toBe('in_progress');
  });

  it('throws a transient error when inventory is unreachable, writing nothing, so the bus retries', async () => {
    const unreachable = somHandlers(createDeps(h.platform, { inventory: createInventoryClient({ baseUrl: 'http://127.0.0.1:9', token: 'x', timeoutMs: 500 }) }));
    const event = orderInProgress();
    const err = await handleOnce(h.platform.database, 'service_inventory', 'som.order.in_progress', event, unreachable['som.order.in_progress']).catch((e: unknown) => e);
    expect(isTransient(err)).toBe(true);
    await expect(view(event.aggregateId)).rejects.toMatchObject({ status: 404 });
    // the retry, with inventory back, decomposes as if nothing had happened
    await deliver(h, 'som.order.in_progress', event);
    expect((await view(event.aggregateId)).state).toBe('in_progress');
  });

  it('fails the service order at once when inventory refuses (no number matches), holding nothing', async () => {
    const before = await reservedCount();
    // The profile is reserved beside the number, so a refused number must give the profile back too.
    const esimsBefore = await reservedEsims();
    const { event, so } = await decomposed({ msisdnPreference: '12345678' });
    expect(so).toMatchObject({ state: 'failed', msisdn: null, iccid: null });
    expect(so.stateReason).toContain('msisdn.reserve');
    expect(so.services.every((s) => s.state === 'failed')).toBe(true);
    const staged = await stagedFor(h, event.aggregateId);
    expect(staged.map((e) => e.eventType)).toEqual(['service_order.failed']);
    expect(staged[0]!.payload).toMatchObject({ failedTaskType: null, orderId: event.aggregateId });
    expect(await reservedCount()).toBe(before);
    expect(await reservedEsims()).toBe(esimsBefore);
  });
});

describe('provisioning task events', () => {
  it('completes the order once all four tasks completed, whatever the order and duplicates', async () => {
    for (const seed of [1, 2, 3]) {
      const { event, ids } = await decomposed();
      const events = PROVISIONING_TASK_TYPES.map((t) => taskEvent('provisioning.task.completed', ids, t, completedAt));
      const report = await deliverShuffled({
        database: h.platform.database,
        inboxSchema: 'service_inventory',
        consumer: 'som.provisioning.task.completed',
        handler: h.handlers['som.provisioning.task.completed'],
        events,
        seed,
      });
      expect(report.failed).toEqual([]);
      const so = await view(event.aggregateId);
      expect(so.state).toBe('completed');
      expect(so.services.every((s) => s.state === 'activated')).toBe(true);
      const completed = (await stagedFor(h, event.aggregateId)).filter((e) => e.eventType === 'service_order.completed');
      expect(completed).toHaveLength(1);
      expect(completed[0]!.payload).toMatchObject({ paymentMethodId: 'PM-0001', priceSnapshot: { priceId: 'PRICE_PLAN_M', amount: '25.00', currency: 'SGD' }, cfsServiceId: ids.serviceId });
    }
  });

  it('ends completed under any interleaving of stuck, retryable-failure and completion events of the same tasks', async () => {
    // one handler for the three queues, so the harness can interleave them as three consumers might
    const byType: Record<string, (typeof h.handlers)['som.provisioning.task.completed']> = {
      'provisioning.task.completed': h.handlers['som.provisioning.task.completed'],
      'provisioning.task.failed': h.handlers['som.provisioning.task.failed'],
      'provisioning.task.stuck': h.handlers['som.provisioning.task.stuck'],
    };
    for (const seed of [11, 12, 13, 14]) {
      const { event, ids } = await decomposed();
      const events = [
        taskEvent('provisioning.task.stuck', ids, 'HLR_PROVISION', { startedAt: '2026-06-01T00:00:10Z' }),
        taskEvent('provisioning.task.failed', ids, 'OCS_BALANCE_INIT', { lastError: 'timeout', permanent: false }),
        ...PROVISIONING_TASK_TYPES.map((t) => taskEvent('provisioning.task.completed', ids, t, completedAt)),
      ];
      const report = await deliverShuffled({
        database: h.platform.database,
        inboxSchema: 'service_inventory',
        consumer: 'som.test.interleaved',
        handler: (tx, e) => byType[e.eventType]!(tx, e),
        events,
        seed,
      });
      expect(report.failed).toEqual([]);
      const so = await view(event.aggregateId);
      expect(so.state).toBe('completed');
      expect(so.tasks.every((t) => t.state === 'completed')).toBe(true);
      expect((await stagedFor(h, event.aggregateId)).filter((e) => e.eventType === 'service_order.completed')).toHaveLength(1);
    }
  });

  it('waits for an operator on a stuck task and completes when the resolved task completes', async () => {
    const { event, ids } = await decomposed();
    await deliver(h, 'som.provisioning.task.stuck', taskEvent('provisioning.task.stuck', ids, 'HLR_PROVISION', { startedAt: '2026-06-01T00:00:10Z' }));
    for (const t of PROVISIONING_TASK_TYPES.slice(1)) await deliver(h, 'som.provisioning.task.completed', taskEvent('provisioning.task.completed', ids, t, completedAt));
    expect((await view(event.aggregateId)).state).toBe('in_progress');
    const waiting = (await stagedFor(h, event.aggregateId)).filter((e) => e.eventType === 'service_order.awaiting_operator');
    expect(waiting.map((e) => e.payload)).toMatchObject([{ taskType: 'HLR_PROVISION', taskState: 'stuck' }]);
    await deliver(h, 'som.provisioning.task.completed', taskEvent('provisioning.task.completed', ids, 'HLR_PROVISION', completedAt));
    expect((await view(event.aggregateId)).state).toBe('completed');
  });

  it('waits for an operator on a retryable failure; a retried task that completes completes the order', async () => {
    const { event, ids } = await decomposed();
    await deliver(h, 'som.provisioning.task.failed', taskEvent('provisioning.task.failed', ids, 'OCS_BALANCE_INIT', { lastError: 'timeout', permanent: false }));
    let so = await view(event.aggregateId);
    expect(so.state).toBe('in_progress');
    expect(so.tasks.find((t) => t.taskType === 'OCS_BALANCE_INIT')).toMatchObject({ state: 'failed', lastError: 'timeout' });
    const waiting = (await stagedFor(h, event.aggregateId)).filter((e) => e.eventType === 'service_order.awaiting_operator');
    expect(waiting.map((e) => e.payload)).toMatchObject([{ taskType: 'OCS_BALANCE_INIT', taskState: 'failed', reason: 'timeout' }]);
    for (const t of PROVISIONING_TASK_TYPES) await deliver(h, 'som.provisioning.task.completed', taskEvent('provisioning.task.completed', ids, t, completedAt));
    so = await view(event.aggregateId);
    expect(so.state).toBe('completed');
  });

  it('ignores a stale stuck event of a task that already completed', async () => {
    const { event, ids } = await decomposed();
    await deliver(h, 'som.provisioning.task.completed', taskEvent('provisioning.task.completed', ids, 'HLR_PROVISION', completedAt));
    await deliver(h, 'som.provisioning.task.stuck', taskEvent('provisioning.task.stuck', ids, 'HLR_PROVISION', { startedAt: '2026-06-01T00:00:10Z' }));
    expect((await view(event.aggregateId)).tasks.find((t) => t.taskType === 'HLR_PROVISION')!.state).toBe('completed');
    expect((await stagedFor(h, event.aggregateId)).some((e) => e.eventType === 'service_order.awaiting_operator')).toBe(false);
  });

  it('fails the order on a permanent failure: services failed, MSISDN and eSIM back in the pools, later events ignored', async () => {
    const { event, ids, cfs } = await decomposed();
    await deliver(h, 'som.provisioning.task.failed', taskEvent('provisioning.task.failed', ids, 'PCRF_POLICY_PUSH', { lastError: 'policy rejected', permanent: true }));
    let so = await view(event.aggregateId);
    expect(so).toMatchObject({ state: 'failed', failedTaskType: 'PCRF_POLICY_PUSH' });
    expect(so.services.every((s) => s.state === 'failed')).toBe(true);
    expect((await h.inventory.getMsisdn(cfs.msisdn!)).status).toBe('available');
    expect(await h.inventory.getEsim(cfs.iccid!)).toMatchObject({ profileState: 'available', assignedMsisdn: null });
    for (const t of PROVISIONING_TASK_TYPES) await deliver(h, 'som.provisioning.task.completed', taskEvent('provisioning.task.completed', ids, t, completedAt));
    so = await view(event.aggregateId);
    expect(so.state).toBe('failed');
    const types = (await stagedFor(h, event.aggregateId)).map((e) => e.eventType);
    expect(types.filter((t) => t === 'service_order.failed')).toHaveLength(1);
    expect(types).not.toContain('service_order.completed');
  });
  it('never releases a number that is no longer its own (its reservation expired and another order took it)', async () => {
    const { event, ids, cfs } = await decomposed();
    // what CRM's expiry does to the number (back to the pool, unbound from the profile), then another order takes it
    await h.inventory.releaseMsisdn(cfs.msisdn!);
    await h.inventory.reserveMsisdn(cfs.msisdn!, { idempotencyKey: `other-order:${cfs.msisdn}` });
    await deliver(h, 'som.provisioning.task.failed', taskEvent('provisioning.task.failed', ids, 'HLR_PROVISION', { lastError: 'hlr down', permanent: true }));
    expect((await view(event.aggregateId)).state).toBe('failed');
    expect((await h.inventory.getMsisdn(cfs.msisdn!)).status).toBe('reserved');
    // the profile still named our customer: it was ours, and is back in the pool
    expect((await h.inventory.getEsim(cfs.iccid!)).profileState).toBe('available');
    await h.inventory.releaseMsisdn(cfs.msisdn!);
  });
});

describe('subscription verdict', () => {
  async function completedOrder() {
    const d = await decomposed();
    for (const t of PROVISIONING_TASK_TYPES) await deliver(h, 'som.provisioning.task.completed', taskEvent('provisioning.task.completed', d.ids, t, completedAt));
    return d;
  }
  const activated = (orderId: string, msisdn: string, iccid: string, subscriptionId = 'SUB-SOMTEST0001') =>
    envelopeOf(
      'subscription.activated',
      { subscriptionId, orderId, customerId: 'CUST-SOMTEST0001', offeringId: 'PLAN_M', msisdn, iccid, paymentId: 'PAY-000001', amountCharged: '25.00', currency: 'SGD', periodStart: NOW_ISO, periodEnd: NOW_ISO },
      subscriptionId,
      orderId,
    );
  const NOW_ISO = '2026-06-01T00:00:00Z';

  it('links every service to the subscription once, however often the event arrives', async () => {
    const { event, cfs } = await completedOrder();
    const e = activated(event.aggregateId, cfs.msisdn!, cfs.iccid!);
    await deliver(h, 'som.subscription.activated', e);
    await deliver(h, 'som.subscription.activated', { ...e, eventId: crypto.randomUUID() });
    const so = await view(event.aggregateId);
    expect(so.services.every((s) => s.subscriptionId === 'SUB-SOMTEST0001')).toBe(true);
    const linked = (await stagedFor(h, event.aggregateId)).filter((x) => x.eventType === 'service.subscription_linked');
    expect(linked).toHaveLength(1);
    expect(linked[0]!.payload).toMatchObject({ subscriptionId: 'SUB-SOMTEST0001', previousSubscriptionId: null, cfsServiceId: cfs.id });
    expect((linked[0]!.payload.linkedServiceIds as string[]).length).toBe(3);
  });

  it('recycles a profile the device already downloaded when the activation is declined', async () => {
    const { event, so, cfs } = await completedOrder();
    await h.inventory.markEsimDownloaded(cfs.iccid!);
    await deliver(
      h,
      'som.subscription.activation_declined',
      envelopeOf(
        'subscription.activation_declined',
        { orderId: event.aggregateId, customerId: 'CUST-SOMTEST0001', offeringId: 'PLAN_M', serviceOrderId: so.id, paymentId: null, reason: 'payment unavailable', declineCode: null },
        event.aggregateId,
        event.aggregateId,
      ),
    );
    expect((await view(event.aggregateId)).state).toBe('torn_down');
    expect(await h.inventory.getEsim(cfs.iccid!)).toMatchObject({ profileState: 'available', assignedMsisdn: null });
    expect((await h.inventory.getMsisdn(cfs.msisdn!)).status).toBe('available');
  });

  it('tears the services down on a declined activation: terminated, MSISDN released, eSIM back in the pool', async () => {
    const { event, so, cfs } = await completedOrder();
    const declined = envelopeOf(
      'subscription.activation_declined',
      { orderId: event.aggregateId, customerId: 'CUST-SOMTEST0001', offeringId: 'PLAN_M', serviceOrderId: so.id, paymentId: 'PAY-000002', reason: 'card declined', declineCode: 'card_declined' },
      event.aggregateId,
      event.aggregateId,
    );
    await deliver(h, 'som.subscription.activation_declined', declined);
    await deliver(h, 'som.subscription.activation_declined', { ...declined, eventId: crypto.randomUUID() });
    const after = await view(event.aggregateId);
    expect(after.state).toBe('torn_down');
    expect(after.services.every((s) => s.state === 'terminated')).toBe(true);
    expect((await h.inventory.getMsisdn(cfs.msisdn!)).status).toBe('available');
    expect((await h.inventory.getEsim(cfs.iccid!)).profileState).toBe('available');
    const torn = (await stagedFor(h, event.aggregateId)).filter((x) => x.eventType === 'service_order.torn_down');
    expect(torn).toHaveLength(1);
  });
});
