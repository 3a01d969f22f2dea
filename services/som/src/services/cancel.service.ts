// The cancel gate COM calls synchronously (POST /som-api/v1/order/{orderId}/cancel). Under the order's row lock
// (or the unique order id, when there is no row yet): no service order → a cancelled tombstone, so a late
// `order.in_progress` reserves nothing (`not_started`); an acknowledged one → cancelled, what it holds released
// (`cancelled`); already cancelled → the same answer again; anything later → order.cancel.forbidden_after_som_started.
import { mintId, type som } from '@bss/contracts';
import { NotFound } from '@bss/policy';
import type { SomDeps } from '../deps.ts';
import { serviceOrderCancelled } from '../events/service-order.events.ts';
import { checkCancellable } from '../policies/cancel.policies.ts';
import { insertServiceOrderIfAbsent, lockServiceOrderByOrderId } from '../repositories/service-order.repository.ts';
import { lockServicesOfOrder } from '../repositories/service.repository.ts';
import type { ServiceOrderRow } from '../schema.ts';
import { holdingsOf, returnHoldings } from './inventory-holds.ts';
import { moveServiceOrder, moveServicesWhereLegal } from './transitions.ts';

/** A tombstone never had an item: it was never decomposed. */
const outcomeOf = (so: ServiceOrderRow): som.CancelForOrderResult => ({
  orderId: so.orderId,
  serviceOrderId: so.id,
  outcome: so.itemId === null ? 'not_started' : 'cancelled',
});

export function createCancelService(deps: SomDeps) {
  const { database, clock, outbox } = deps;
  return {
    cancelForOrder(orderId: string, input: som.CancelForOrderRequest = {}): Promise<som.CancelForOrderResult> {
      return database.db.transaction(async (tx) => {
        const now = clock.now();
        const reason = input.reason ?? 'cancelled by the commercial order';
        let so = await lockServiceOrderByOrderId(tx, orderId);
        if (!so) {
          const tombstone = await insertServiceOrderIfAbsent(tx, {
            id: mintId('SO'),
            orderId,
            customerId: input.customerId ?? null,
            state: 'cancelled',
            stateReason: reason,
            orderDate: now,
            endedAt: now,
          });
          if (tombstone) {
            await outbox.stage(tx, serviceOrderCancelled(tombstone, null));
            return outcomeOf(tombstone);
          }
          // the consumer inserted it meanwhile (we waited on its unique key): decide on its committed state
          so = await lockServiceOrderByOrderId(tx, orderId);
          if (!so) throw new NotFound('serviceOrder', orderId);
        }
        checkCancellable(so);
        if (so.state === 'cancelled') return outcomeOf(so);
        await moveServicesWhereLegal(tx, await lockServicesOfOrder(tx, so.id), 'terminate', { endedAt: now, updatedAt: now });
        await returnHoldings(deps, orderId, holdingsOf(so));
        const cancelled = await moveServiceOrder(tx, so, 'cancel', { stateReason: reason, endedAt: now, updatedAt: now });
        await outbox.stage(tx, serviceOrderCancelled(cancelled, so.state));
        return outcomeOf(cancelled);
      });
    },
  };
}
export type CancelService = ReturnType<typeof createCancelService>;
