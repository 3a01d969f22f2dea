// Invariants of port request writes. Pure checks: the service looks up the open request and the number's
// current holder (findMsisdnAssignment) and passes them in.
import { requirePolicy } from '@bss/policy';
import type { PortRequestRow } from '../schema.ts';

type Assignment = { msisdn: string; status: string; customerId: string | null; subscriptionId: string | null } | undefined;

export function checkDirection(direction: string): asserts direction is 'port_in' | 'port_out' {
  requirePolicy(direction === 'port_in' || direction === 'port_out', 'port_request.create.direction_valid', `direction must be port_in or port_out, got ${direction}`, {
    direction,
  });
}

/** A port-out names the subscription losing the number (checked at create and again at approve). */
export function checkTargetForPortOut(req: { id?: string; direction: string; targetSubscriptionId?: string | null }): void {
  requirePolicy(
    req.direction !== 'port_out' || !!req.targetSubscriptionId,
    'port_request.create.target_sub_required_for_port_out',
    'a port-out needs targetSubscriptionId',
    req.id ? { portRequestId: req.id, direction: req.direction } : { direction: req.direction },
  );
}

export function checkNoOpenRequest(donorMsisdn: string, existing: PortRequestRow | undefined): void {
  requirePolicy(existing === undefined, 'port_request.create.donor_msisdn_unique_among_pending', `MSISDN ${donorMsisdn} already has open port request ${existing?.id}`, {
    donorMsisdn,
    existingId: existing?.id ?? null,
    existingState: existing?.state ?? null,
  });
}

/** Only a number in service here, held by the named subscription, can be ported out. */
export function checkPortOutNumber(donorMsisdn: string, targetSubscriptionId: string | null, holder: Assignment): void {
  requirePolicy(holder?.status === 'assigned', 'port_request.create.port_out_requires_assigned_msisdn', `MSISDN ${donorMsisdn} is ${holder ? holder.status : 'not in our pool'}; only an assigned number can port out`, {
    donorMsisdn,
    status: holder?.status ?? null,
  });
  requirePolicy(
    !targetSubscriptionId || holder.subscriptionId === targetSubscriptionId,
    'port_request.create.target_sub_must_hold_msisdn',
    `MSISDN ${donorMsisdn} is held by ${holder.subscriptionId}, not ${targetSubscriptionId}`,
    { donorMsisdn, targetSubscriptionId, holderSubscriptionId: holder.subscriptionId },
  );
}

/** A port-in brings a number we do not hold; one that left us earlier (ported_out) may come back. */
export function checkPortInNumber(donorMsisdn: string, holder: Assignment): void {
  requirePolicy(!holder || holder.status === 'ported_out', 'port_request.create.port_in_msisdn_already_ours', `MSISDN ${donorMsisdn} is already in our pool (${holder?.status})`, {
    donorMsisdn,
    status: holder?.status ?? null,
  });
}

export function checkRejectReason(id: string, reason: string | undefined): asserts reason is string {
  requirePolicy(!!reason && reason.trim().length > 0, 'port_request.reject.requires_reason', 'rejecting a port request needs a reason', {
    portRequestId: id,
  });
}
