// Number porting use-cases. Each is one transaction: lock → policies → state table → inventory effect →
// update → outbox. Approval is where the pool changes; completion records the carrier's cutover.
import type { inventory as contracts } from '@bss/contracts';
import { currentContext } from '@bss/telemetry';
import type { CrmDeps } from '../../deps.ts';
import { findMsisdnAssignment } from '../../inventory/repositories/msisdn.repository.ts';
import { addPortedInMsisdn, markMsisdnPortedOut } from '../../inventory/services/msisdn-porting.service.ts';
import { newPortRequestId, toPortRequest } from '../domain/port-request.mappers.ts';
import { nextPortState, type PortRequestState } from '../domain/port-request.state.ts';
import { portRequestEvent } from '../events/port-request.events.ts';
import {
  checkDirection,
  checkNoOpenRequest,
  checkPortInNumber,
  checkPortOutNumber,
  checkRejectReason,
  checkTargetForPortOut,
} from '../policies/port-request.policies.ts';
import { findOpenPortRequestForMsisdn, getPortRequestForUpdate, insertPortRequest, updatePortRequest } from '../repositories/port-request.repository.ts';
import type { PortRequestRow } from '../schema.ts';

export function createPortRequest(deps: CrmDeps, input: contracts.CreatePortRequest): Promise<contracts.PortRequest> {
  return deps.database.db.transaction(async (tx) => {
    const tenantId = currentContext().tenant;
    checkDirection(input.direction);
    checkTargetForPortOut(input);
    checkNoOpenRequest(input.donorMsisdn, await findOpenPortRequestForMsisdn(tx, input.donorMsisdn, tenantId));
    const holder = await findMsisdnAssignment(tx, input.donorMsisdn);
    if (input.direction === 'port_out') checkPortOutNumber(input.donorMsisdn, input.targetSubscriptionId ?? null, holder);
    else checkPortInNumber(input.donorMsisdn, holder);
    const now = deps.clock.now();
    const row = await insertPortRequest(tx, {
      id: newPortRequestId(),
      direction: input.direction,
      donorCarrier: input.donorCarrier,
      donorMsisdn: input.donorMsisdn,
      // a port-out's customer is whoever holds the number; a port-in's is given by the caller
      targetSubscriptionId: input.targetSubscriptionId ?? null,
      targetCustomerId: input.direction === 'port_out' ? (holder?.customerId ?? null) : (input.targetCustomerId ?? null),
      requestedPortDate: input.requestedPortDate,
      state: 'requested',
      tenantId,
      createdAt: now,
      updatedAt: now,
    });
    await deps.outbox.stage(tx, portRequestEvent('created', row));
    return toPortRequest(row);
  });
}

async function move(
  deps: CrmDeps,
  id: string,
  trigger: 'validate' | 'approve' | 'complete' | 'reject',
  apply: (row: PortRequestRow, to: PortRequestState, now: Date) => Promise<Partial<PortRequestRow>>,
  event: 'validated' | 'approved' | 'completed' | 'rejected',
): Promise<contracts.PortRequest> {
  return deps.database.db.transaction(async (tx) => {
    const row = await getPortRequestForUpdate(tx, id);
    const to = nextPortState(id, row.state as PortRequestState, trigger);
    const now = deps.clock.now();
    const extra = await apply(row, to, now);
    const updated = await updatePortRequest(tx, id, { ...extra, state: to, updatedAt: now });
    await deps.outbox.stage(tx, portRequestEvent(event, updated, { previousState: row.state }));
    return toPortRequest(updated);
  });
}

/** Donor checks passed (no side effects). */
export const validatePortRequest = (deps: CrmDeps, id: string) => move(deps, id, 'validate', async () => ({}), 'validated');

/** Approves the port and applies it to the pool: port-in adds the number, port-out marks it ported_out. */
export function approvePortRequest(deps: CrmDeps, id: string): Promise<contracts.PortRequest> {
  return deps.database.db.transaction(async (tx) => {
    const row = await getPortRequestForUpdate(tx, id);
    const to = nextPortState(id, row.state as PortRequestState, 'approve');
    checkTargetForPortOut(row);
    const facts = {
      portRequestId: row.id,
      msisdn: row.donorMsisdn,
      donorCarrier: row.donorCarrier,
      targetSubscriptionId: row.targetSubscriptionId,
      targetCustomerId: row.targetCustomerId,
    };
    let customerId = row.targetCustomerId;
    if (row.direction === 'port_out') {
      checkPortOutNumber(row.donorMsisdn, row.targetSubscriptionId, await findMsisdnAssignment(tx, row.donorMsisdn));
      customerId = (await markMsisdnPortedOut(deps, tx, facts)).assignedToCustomerId;
    } else {
      await addPortedInMsisdn(deps, tx, facts);
    }
    const now = deps.clock.now();
    const updated = await updatePortRequest(tx, id, { state: to, approvedAt: now, updatedAt: now });
    await deps.outbox.stage(
      tx,
      portRequestEvent('approved', updated, {
        previousState: row.state,
        subscriptionId: row.targetSubscriptionId,
        customerId,
        ...(row.direction === 'port_out' ? { terminationReason: 'ported_out', releaseInventory: false } : {}),
      }),
    );
    return toPortRequest(updated);
  });
}

/** The carriers confirmed the cutover (approved → completed). */
export const completePortRequest = (deps: CrmDeps, id: string) =>
  move(deps, id, 'complete', async (_row, _to, now) => ({ completedAt: now }), 'completed');

/** Refuses a port before approval, with a non-blank reason. */
export function rejectPortRequest(deps: CrmDeps, id: string, input: contracts.RejectPortRequest): Promise<contracts.PortRequest> {
  return move(
    deps,
    id,
    'reject',
    async (row, _to, now) => {
      checkRejectReason(row.id, input.reason);
      return { rejectionReason: input.reason.trim(), rejectedAt: now };
    },
    'rejected',
  );
}
