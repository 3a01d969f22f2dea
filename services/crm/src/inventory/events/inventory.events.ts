// Event builders of the inventory module; staged into crm.outbox in the writing transaction.
import type { NewEvent } from '@bss/events';
import type { EsimRow, MsisdnRow } from '../schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** `inventory.msisdn.<action>` for a single number's state change. */
export function msisdnEvent(
  action: 'created' | 'reserved' | 'assigned' | 'released' | 'reservation_expired' | 'deleted',
  row: MsisdnRow,
  extra: Record<string, unknown> = {},
): NewEvent {
  return {
    eventType: `inventory.msisdn.${action}`,
    aggregateType: 'msisdn_pool',
    aggregateId: row.msisdn,
    payload: {
      msisdn: row.msisdn,
      status: row.status,
      subscriptionId: row.assignedToSubscriptionId,
      customerId: row.assignedToCustomerId,
      ...extra,
    },
  };
}

export function poolLowEvent(tenant: string, available: number, threshold: number): NewEvent {
  return { eventType: 'inventory.msisdn.pool_low', aggregateType: 'msisdn_pool', aggregateId: tenant, payload: { available, threshold } };
}

export function rangeAddedEvent(result: { prefix: string; count: number; inserted: number; skipped: number; first: string; last: string }): NewEvent {
  return { eventType: 'inventory.msisdn.range_added', aggregateType: 'msisdn_pool', aggregateId: result.prefix, payload: { ...result } };
}

/** `inventory.esim.<action>`; the payload never carries ki_ref or the activation code. */
export function esimEvent(
  action: 'created' | 'deleted' | 'reserved' | 'msisdn_assigned' | 'downloaded' | 'activated' | 'recycled' | 'released' | 'reservation_expired',
  row: EsimRow,
  extra: Record<string, unknown> = {},
): NewEvent {
  return {
    eventType: `inventory.esim.${action}`,
    aggregateType: 'esim_profile',
    aggregateId: row.iccid,
    payload: {
      iccid: row.iccid,
      imsi: row.imsi,
      profileState: row.profileState,
      msisdn: row.assignedMsisdn,
      subscriptionId: row.assignedToSubscriptionId,
      customerId: row.assignedToCustomerId,
      downloadedAt: iso(row.downloadedAt),
      activatedAt: iso(row.activatedAt),
      ...extra,
    },
  };
}
