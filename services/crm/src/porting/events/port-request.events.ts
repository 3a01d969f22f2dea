// Event builders of number porting; staged into crm.outbox in the writing transaction.
import type { NewEvent } from '@bss/events';
import type { PortRequestRow } from '../schema.ts';

const base = (row: PortRequestRow) => ({
  portRequestId: row.id,
  direction: row.direction,
  donorCarrier: row.donorCarrier,
  donorMsisdn: row.donorMsisdn,
  msisdn: row.donorMsisdn,
  targetSubscriptionId: row.targetSubscriptionId,
  targetCustomerId: row.targetCustomerId,
});

/**
 * `port_request.<event>`. For an approved port-out the payload carries the subscription (and its customer)
 * losing the number: the subscription service terminates it with reason ported_out, keeping inventory.
 */
export function portRequestEvent(
  event: 'created' | 'validated' | 'approved' | 'completed' | 'rejected',
  row: PortRequestRow,
  extra: Record<string, unknown> = {},
): NewEvent {
  return {
    eventType: `port_request.${event}`,
    aggregateType: 'port_request',
    aggregateId: row.id,
    payload: {
      ...base(row),
      state: row.state,
      ...(event === 'created' ? { requestedPortDate: row.requestedPortDate } : {}),
      ...(event === 'rejected' ? { reason: row.rejectionReason } : {}),
      ...extra,
    },
  };
}
