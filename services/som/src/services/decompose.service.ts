// `order.in_progress` → one service order per commercial order: a CFS MobileBroadband with RFS DataService and
// VoiceService, an MSISDN and an eSIM reserved in CRM inventory (bound together, the activation code read), and
// the four provisioning tasks requested. Runs in the consumer's transaction; the service order row is inserted
// first, so the cancel gate (which inserts a tombstone under the same unique order id) and this handler are
// serialised: whichever inserts first wins, the other sees its row.
import { mintId, PROVISIONING_TASK_TYPES, type EventPayload } from '@bss/contracts';
import type { Tx } from '@bss/db';
import type { SomDeps } from '../deps.ts';
import { provisioningTaskCreated, serviceOrderFailed, serviceOrderInProgress } from '../events/service-order.events.ts';
import { insertServiceOrderIfAbsent, lockServiceOrderByOrderId } from '../repositories/service-order.repository.ts';
import { insertServices } from '../repositories/service.repository.ts';
import { insertTasks } from '../repositories/task.repository.ts';
import type { ServiceOrderRow, ServiceRow } from '../schema.ts';
import { inventoryKey, isInventoryRefusal, refusalReason, returnHoldings, type Holdings } from './inventory-holds.ts';
import { moveService, moveServiceOrder, moveServicesWhereLegal } from './transitions.ts';

type OrderInProgress = EventPayload<'order.in_progress'>;

/** What the reservation step got: the resources, or the refusal that fails the order. */
type Reservation =
  | { ok: true; msisdn: string; iccid: string; imsi: string; activationCode: string }
  | { ok: false; reason: string; held: Holdings };

export function createDecomposeService(deps: SomDeps) {
  const { clock, outbox, logger, inventory } = deps;

  /**
   * Reserves number + profile, binds them and reads the activation code; a refusal gives back what it got. The
   * two reservations are independent and go out together, as do the bind and the code read (the code changes
   * only on release/recycle): two round trips to CRM on the order's critical path instead of four. Each pair is
   * settled in full before any error is looked at, so `held` is exact when holdings are returned. A transport
   * failure beats a refusal (what it did is unknown; the retry's keyed calls replay and find out); between two
   * refusals the number's is reported, as when the calls ran one by one.
   */
  async function reserve(order: OrderInProgress): Promise<Reservation> {
    const held: Holdings = { msisdn: null, iccid: null, customerId: order.customerId, bound: false };
    const firstFailure = (...reads: PromiseSettledResult<unknown>[]): unknown => {
      const errors = reads.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      return errors.find((e) => !isInventoryRefusal(e)) ?? errors[0];
    };
    try {
      const [number, profile] = await Promise.allSettled([
        inventory.reserveNextMsisdn(order.msisdnPreference ?? undefined, { idempotencyKey: inventoryKey(order.orderId, 'msisdn.reserve') }),
        inventory.reserveEsim({ idempotencyKey: inventoryKey(order.orderId, 'esim.reserve') }),
      ]);
      if (number.status === 'fulfilled') held.msisdn = number.value.msisdn;
      if (profile.status === 'fulfilled') held.iccid = profile.value.iccid;
      if (number.status === 'rejected' || profile.status === 'rejected') throw firstFailure(number, profile);
      const [bind, activation] = await Promise.allSettled([
        inventory.assignEsimMsisdn(profile.value.iccid, { msisdn: number.value.msisdn, customerId: order.customerId, idempotencyKey: inventoryKey(order.orderId, 'esim.bind') }),
        inventory.getEsimActivation(profile.value.iccid),
      ]);
      if (bind.status === 'fulfilled') held.bound = true;
      if (bind.status === 'rejected' || activation.status === 'rejected') throw firstFailure(bind, activation);
      return { ok: true, msisdn: number.value.msisdn, iccid: profile.value.iccid, imsi: profile.value.imsi, activationCode: activation.value.activationCode };
    } catch (err) {
      if (!isInventoryRefusal(err)) throw err;
      await returnHoldings(deps, order.orderId, held);
      return { ok: false, reason: refusalReason(err), held };
    }
  }

  async function fail(tx: Tx, so: ServiceOrderRow, services: ServiceRow[], reason: string): Promise<void> {
    const now = clock.now();
    await moveServicesWhereLegal(tx, services, 'fail', { endedAt: now, updatedAt: now });
    const failed = await moveServiceOrder(tx, so, 'fail', { stateReason: reason, endedAt: now, updatedAt: now });
    await outbox.stage(tx, serviceOrderFailed(failed, reason, null));
    logger.warn({ orderId: so.orderId, serviceOrderId: so.id, reason }, 'service order failed at decomposition');
  }

  return {
    async decompose(tx: Tx, order: OrderInProgress): Promise<void> {
      const now = clock.now();
      const so = await insertServiceOrderIfAbsent(tx, {
        id: mintId('SO'),
        orderId: order.orderId,
        itemId: mintId('SOI'),
        customerId: order.customerId,
        offeringId: order.offeringId,
        msisdnPreference: order.msisdnPreference,
        paymentMethodId: order.paymentMethodId,
        priceSnapshot: order.priceSnapshot,
        state: 'acknowledged',
        orderDate: now,
      });
      if (!so) {
        // a tombstone (cancelled first) or an order already decomposed (the same order event published twice)
        const existing = await lockServiceOrderByOrderId(tx, order.orderId);
        logger.info({ orderId: order.orderId, serviceOrderId: existing?.id, state: existing?.state }, 'order already has a service order; nothing reserved');
        return;
      }
      const common = { serviceOrderId: so.id, customerId: order.customerId, orderId: order.orderId, createdAt: now, updatedAt: now };
      const cfsId = mintId('SVC');
      const [cfs, ...rfs] = await insertServices(tx, [
        { ...common, id: cfsId, kind: 'CFS', specId: 'MobileBroadband', state: 'designed' },
        { ...common, id: mintId('SVC'), kind: 'RFS', specId: 'DataService', parentServiceId: cfsId, state: 'designed' },
        { ...common, id: mintId('SVC'), kind: 'RFS', specId: 'VoiceService', parentServiceId: cfsId, state: 'designed' },
      ]);
      // the network functions are designed and reserved at once; the CFS waits for its resources
      const children = await moveServicesWhereLegal(tx, rfs, 'reserve', { updatedAt: now });

      const got = await reserve(order);
      if (!got.ok) return fail(tx, so, [cfs!, ...children], got.reason);

      const reserved = await moveService(tx, cfs!, 'reserve', {
        msisdn: got.msisdn,
        iccid: got.iccid,
        imsi: got.imsi,
        activationCode: got.activationCode,
        updatedAt: now,
      });
      await insertTasks(
        tx,
        PROVISIONING_TASK_TYPES.map((taskType) => ({ serviceOrderId: so.id, taskType, serviceId: reserved.id, state: 'pending' as const, updatedAt: now })),
      );
      const started = await moveServiceOrder(tx, so, 'start', { msisdn: got.msisdn, iccid: got.iccid, startedAt: now, updatedAt: now });
      await outbox.stage(tx, serviceOrderInProgress(started, reserved));
      for (const taskType of PROVISIONING_TASK_TYPES) await outbox.stage(tx, provisioningTaskCreated(started, reserved, taskType));
    },
  };
}
