// Consumer of `port_request.approved` (queue subscription.port_request.approved): a port-out terminates the line
// losing its number, reason `ported_out`, without releasing the number (CRM already made it `ported_out`, and it
// is never sold again); the eSIM is still returned. A port-in approval is not this service's business. A line
// already terminated (redelivery under another id, an operator was faster) is a no-op.
import { onEvent, type EventHandler } from '@bss/events';
import type { SubscriptionDeps } from '../deps.ts';
import { findByMsisdn } from '../repositories/subscription.repository.ts';
import { createTermination } from '../services/terminate.service.ts';

export const PORT_REQUEST_APPROVED_QUEUE = {
  queue: 'subscription.port_request.approved',
  bindings: ['port_request.approved'],
  inboxSchema: 'subscription',
};

export function portRequestApprovedHandler(deps: SubscriptionDeps): EventHandler {
  const termination = createTermination(deps);
  return onEvent(['port_request.approved'], async (tx, event) => {
    const p = event.payload;
    if (p.direction !== 'port_out') return;
    const subscriptionId = p.subscriptionId ?? p.targetSubscriptionId ?? (await findByMsisdn(tx, p.msisdn))?.id;
    if (!subscriptionId) {
      deps.logger.warn({ portRequestId: p.portRequestId, eventId: event.eventId }, 'port-out approved for a number no line holds');
      return;
    }
    const done = await termination.terminate(tx, subscriptionId, { reason: p.terminationReason ?? 'ported_out', releaseInventory: p.releaseInventory ?? false }, { ifLive: true });
    deps.logger.info({ subscriptionId, portRequestId: p.portRequestId, terminated: done !== undefined }, 'port-out handled');
  });
}
