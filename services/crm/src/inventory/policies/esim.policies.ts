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

/** A profile created through TMF639: ICCID 18–22 digits, IMSI 14–15 digits, a Ki held by the HSM (`hsm://…`). */
export function checkSaneProfile(p: {
  iccid: string;
  imsi: string | undefined;
  kiRef: string | undefined;
  smdpServer: string;
  matchingId: string;
}): asserts p is { iccid: string; imsi: string; kiRef: string; smdpServer: string; matchingId: string } {
  const rule = 'esim.create.sane_profile';
  requirePolicy(/^[0-9]{18,22}$/.test(p.iccid), rule, 'an ICCID (the name) is 18–22 digits', { iccid: p.iccid });
  requirePolicy(p.imsi !== undefined && /^[0-9]{14,15}$/.test(p.imsi), rule, 'characteristic imsi (14–15 digits) is required', { iccid: p.iccid });
  // only the reference enters the BSS; the Ki itself stays in the HSM, so anything else is refused
  requirePolicy(p.kiRef !== undefined && /^hsm:\/\/[\x21-\x7e]{1,200}$/.test(p.kiRef), rule, 'characteristic kiRef (an hsm:// reference) is required', { iccid: p.iccid });
  requirePolicy(/^[A-Za-z0-9.-]{1,253}$/.test(p.smdpServer), rule, 'characteristic smdpServer is a host name', { iccid: p.iccid });
  // the matching id ends up inside the LPA activation code (LPA:1$<smdp>$<matchingId>), so no `$`
  requirePolicy(/^[A-Za-z0-9-]{1,64}$/.test(p.matchingId), rule, 'characteristic matchingId is 1–64 letters, digits or -', { iccid: p.iccid });
}

/** Reserving one named profile (TMF639 PATCH resourceStatus=reserved) needs it available. */
export function checkEsimReservable(row: EsimRow): void {
  requirePolicy(row.profileState === 'available', 'esim.reserve.status_must_be_available', `profile ${row.iccid} is ${row.profileState}, not available`, {
    iccid: row.iccid,
    state: row.profileState,
  });
}
