// The subscription service's verdict on a completed service order. Activated: every service of the order carries
// the subscription id (TMF638 relatedEntity, `?subscriptionId=` finds them). Declined: the services are
// terminated, the MSISDN released and the eSIM recycled (or released, if it was never downloaded), and the order
// is torn down. Both lock the order first and are no-ops once applied.
import type { EventPayload } from '@bss/contracts';
import type { Tx } from '@bss/db';
import type { SomDeps } from '../deps.ts';
import { serviceOrderTornDown, serviceSubscriptionLinked } from '../events/service-order.events.ts';
import { lockServiceOrderByOrderId } from '../repositories/service-order.repository.ts';
import { lockServicesOfOrder, updateService } from '../repositories/service.repository.ts';
import { holdingsOf, returnHoldings } from './inventory-holds.ts';
import { moveServiceOrder, moveServicesWhereLegal } from './transitions.ts';

export function createSubscriptionLinkService(deps: SomDeps) {
  const { clock, outbox, logger } = deps;
  return {
    async activated(tx: Tx, e: EventPayload<'subscription.activated'>): Promise<void> {
      const so = await lockServiceOrderByOrderId(tx, e.orderId);
      if (!so || so.state !== 'completed') {
        logger.warn({ orderId: e.orderId, state: so?.state }, 'subscription activated for an order without a completed service order; ignored');
        return;
      }
      const services = await lockServicesOfOrder(tx, so.id);
      const cfs = services.find((s) => s.kind === 'CFS')!;
      const stale = services.filter((s) => s.subscriptionId !== e.subscriptionId);
      if (stale.length === 0) return;
      const now = clock.now();
      for (const s of stale) await updateService(tx, s.id, { subscriptionId: e.subscriptionId, updatedAt: now });
      await outbox.stage(tx, serviceSubscriptionLinked(so, cfs, e.subscriptionId, stale.map((s) => s.id), cfs.subscriptionId));
    },

    async declined(tx: Tx, e: EventPayload<'subscription.activation_declined'>): Promise<void> {
      const so = await lockServiceOrderByOrderId(tx, e.orderId);
      if (!so || so.state !== 'completed') {
        if (so?.state !== 'torn_down') logger.warn({ orderId: e.orderId, state: so?.state }, 'activation declined for an order without a completed service order; ignored');
        return;
      }
      const now = clock.now();
      const services = await moveServicesWhereLegal(tx, await lockServicesOfOrder(tx, so.id), 'terminate', { endedAt: now, updatedAt: now });
      await returnHoldings(deps, so.orderId, holdingsOf(so));
      const reason = `activation declined: ${e.reason}`;
      const torn = await moveServiceOrder(tx, so, 'tear_down', { stateReason: reason, endedAt: now, updatedAt: now });
      await outbox.stage(tx, serviceOrderTornDown(torn, services.find((s) => s.kind === 'CFS')!, reason));
    },
  };
}
