// Invariants of eSIM pool writes. Pure checks; lookups (the MSISDN row, a competing binding) happen in the service.
import { requirePolicy } from '@bss/policy';
import type { EsimRow, MsisdnRow } from '../schema.ts';

export function requireAvailableEsim<T>(row: T | undefined): asserts row is T {
  requirePolicy(row !== undefined, 'esim.reserve.status_must_be_available', 'the eSIM pool has no available profile');
}

export function checkEsimReservedForBinding(esim: EsimRow): void {
  requirePolicy(esim.profileState === 'reserved', 'esim.assign_msisdn.esim_must_be_reserved', `eSIM ${esim.iccid} is ${esim.profileState}, not reserved`, {
    iccid: esim.iccid,
    state: esim.profileState,
  });
}

/** The number to bind must exist (a body reference, so 422 not 404) and be reserved or assigned. */
export function checkMsisdnBindable(msisdn: string, row: MsisdnRow | undefined): asserts row is MsisdnRow {
  requirePolicy(row !== undefined, 'esim.assign_msisdn.msisdn_not_found', `MSISDN ${msisdn} is not in the pool`, { msisdn });
  requirePolicy(row.status === 'reserved' || row.status === 'assigned', 'esim.assign_msisdn.msisdn_must_be_reserved', `MSISDN ${msisdn} is ${row.status}`, {
    msisdn,
    status: row.status,
  });
}

/** One live profile per number (backed by uq_esim_profile_assigned_msisdn). */
export function checkMsisdnNotBoundElsewhere(msisdn: string, other: EsimRow | undefined): void {
  requirePolicy(other === undefined, 'esim.assign_msisdn.msisdn_bound_elsewhere', `MSISDN ${msisdn} is already bound to eSIM ${other?.iccid}`, {
    msisdn,
    iccid: other?.iccid ?? null,
  });
}

/** Links given with the binding must agree with the ones the number already carries. */
export function checkLinksAgree(row: MsisdnRow, input: { subscriptionId?: string; customerId?: string }): void {
  const clash =
    (input.subscriptionId && row.assignedToSubscriptionId && input.subscriptionId !== row.assignedToSubscriptionId) ||
    (input.customerId && row.assignedToCustomerId && input.customerId !== row.assignedToCustomerId);
  requirePolicy(!clash, 'esim.assign_msisdn.owner_mismatch', `MSISDN ${row.msisdn} belongs to another subscription or customer`, {
    msisdn: row.msisdn,
    assignedToSubscriptionId: row.assignedToSubscriptionId,
    assignedToCustomerId: row.assignedToCustomerId,
  });
}
