// What the order pipeline's outcome events do to an order (consumers; DECISIONS.md 2026-12-01):
// subscription.activated completes it, subscription.activation_declined and service_order.failed fail it.
// Each runs inside the consumer's transaction (with its inbox row) and reads the order FOR UPDATE; an order
// that is unknown or no longer in progress is logged and left alone, so redelivery and reordering are harmless
// (a late failure never overrides a completion, a duplicate never completes twice).
import type { EventPayload } from '@bss/contracts';
import type { Tx } from '@bss/db';
import type { ComDeps } from '../deps.ts';
import { orderEvents } from '../events/order.events.ts';
import { findOrderForUpdate } from '../repositories/order.repository.ts';
import type { FailureCause, OrderWithItem } from '../schema.ts';
import { transitionOrder } from './order.service.ts';

export function createOrderFulfilment(deps: ComDeps) {
  const { outbox, logger } = deps;

  /** The order if it is in progress; otherwise logs why the event changes nothing. */
  async function inProgressOrder(tx: Tx, orderId: string, eventType: string): Promise<OrderWithItem | undefined> {
    const current = await findOrderForUpdate(tx, orderId);
    if (!current) {
      logger.warn({ orderId, eventType }, 'event for an unknown order ignored');
      return undefined;
    }
    if (current.order.state !== 'in_progress') {
      logger.info({ orderId, eventType, state: current.order.state }, 'event for an order no longer in progress ignored');
      return undefined;
    }
    return current;
  }

  async function fail(tx: Tx, orderId: string, eventType: string, cause: FailureCause, reason: string, serviceOrderId: string | null): Promise<void> {
    const current = await inProgressOrder(tx, orderId, eventType);
    if (!current) return;
    const failed = await transitionOrder(
      tx,
      deps,
      current,
      'fail',
      { completionDate: deps.clock.now(), failureCause: cause, failureReason: reason, ...(serviceOrderId ? { serviceOrderId } : {}) },
      {},
      `${cause}: ${reason}`,
    );
    await outbox.stage(tx, orderEvents.failed(failed));
  }

  return {
    async activated(tx: Tx, p: EventPayload<'subscription.activated'>): Promise<void> {
      const current = await inProgressOrder(tx, p.orderId, 'subscription.activated');
      if (!current) return;
      const completed = await transitionOrder(
        tx,
        deps,
        current,
        'complete',
        { completionDate: deps.clock.now() },
        { subscriptionId: p.subscriptionId, msisdn: p.msisdn, iccid: p.iccid },
        `subscription ${p.subscriptionId} active`,
      );
      await outbox.stage(tx, orderEvents.completed(completed));
    },

    activationDeclined: (tx: Tx, p: EventPayload<'subscription.activation_declined'>) =>
      fail(tx, p.orderId, 'subscription.activation_declined', 'activation_declined', p.declineCode ? `${p.reason} (${p.declineCode})` : p.reason, p.serviceOrderId),

    // No failed task means SOM refused before provisioning (inventory): the order was refused, not provisioned.
    serviceOrderFailed: (tx: Tx, p: EventPayload<'service_order.failed'>) =>
      fail(tx, p.orderId, 'service_order.failed', p.failedTaskType === null ? 'fulfilment_refused' : 'provisioning_failed', p.reason, p.serviceOrderId),
  };
}
