// What an approved port does to the MSISDN pool. Called by the porting service inside ITS transaction (one
// request, one commit), so these take `tx` and never open their own.
import type { Tx } from '@bss/db';
import { requirePolicy } from '@bss/policy';
import { currentContext } from '@bss/telemetry';
import type { CrmDeps } from '../../deps.ts';
import { msisdnStateMachine, type MsisdnStatus } from '../domain/msisdn.state.ts';
import { findMsisdnForUpdate, insertMissingMsisdns, updateMsisdn } from '../repositories/msisdn.repository.ts';
import type { MsisdnRow } from '../schema.ts';

export interface PortFacts {
  portRequestId: string;
  msisdn: string;
  donorCarrier: string;
  targetSubscriptionId: string | null;
  targetCustomerId: string | null;
}

/**
 * Port-in: the number joins the pool, `assigned` (with both links) when the port names a subscription, else
 * `available`. A number that once ported out of us is revived in place (keeping its origin for the reset).
 */
export async function addPortedInMsisdn(deps: CrmDeps, tx: Tx, facts: PortFacts): Promise<MsisdnRow> {
  const now = deps.clock.now();
  let row = await findMsisdnForUpdate(tx, facts.msisdn);
  requirePolicy(!row || row.status === 'ported_out', 'port_request.create.port_in_msisdn_already_ours', `MSISDN ${facts.msisdn} is already in our pool (${row?.status})`, {
    donorMsisdn: facts.msisdn,
    status: row?.status ?? null,
  });
  if (!row) {
    await insertMissingMsisdns(tx, [facts.msisdn], { origin: 'port_in', tenantId: currentContext().tenant, now });
  }
  const assigned = facts.targetSubscriptionId !== null;
  row = await updateMsisdn(tx, facts.msisdn, {
    status: assigned ? 'assigned' : 'available',
    reservedAt: null,
    assignedAt: assigned ? now : null,
    assignedToSubscriptionId: facts.targetSubscriptionId,
    assignedToCustomerId: assigned ? facts.targetCustomerId : null,
    portedOutAt: null,
    portRequestId: facts.portRequestId,
    updatedAt: now,
  });
  await deps.outbox.stage(tx, {
    eventType: 'inventory.msisdn.seeded_from_port_in',
    aggregateType: 'msisdn_pool',
    aggregateId: facts.msisdn,
    payload: {
      msisdn: facts.msisdn,
      donorCarrier: facts.donorCarrier,
      portRequestId: facts.portRequestId,
      targetSubscriptionId: facts.targetSubscriptionId,
      targetCustomerId: row.assignedToCustomerId,
      status: row.status,
    },
  });
  return row;
}

/**
 * Port-out: the number leaves for another carrier and becomes terminal `ported_out` (never released). The
 * holder's links stay on the row as history; the subscription is terminated by its own service on the event.
 */
export async function markMsisdnPortedOut(deps: CrmDeps, tx: Tx, facts: PortFacts): Promise<MsisdnRow> {
  const row = await findMsisdnForUpdate(tx, facts.msisdn);
  requirePolicy(row?.status === 'assigned', 'port_request.create.port_out_requires_assigned_msisdn', `MSISDN ${facts.msisdn} is ${row ? row.status : 'not in our pool'}; only an assigned number can port out`, {
    donorMsisdn: facts.msisdn,
    status: row?.status ?? null,
  });
  const status = msisdnStateMachine.transition(row.status as MsisdnStatus, 'port_out', { msisdn: facts.msisdn });
  const now = deps.clock.now();
  const ported = await updateMsisdn(tx, facts.msisdn, { status, portedOutAt: now, portRequestId: facts.portRequestId, updatedAt: now });
  await deps.outbox.stage(tx, {
    eventType: 'inventory.msisdn.ported_out',
    aggregateType: 'msisdn_pool',
    aggregateId: facts.msisdn,
    payload: {
      msisdn: facts.msisdn,
      donorCarrier: facts.donorCarrier,
      portRequestId: facts.portRequestId,
      targetSubscriptionId: ported.assignedToSubscriptionId,
      customerId: ported.assignedToCustomerId,
      portedOutAt: now.toISOString(),
    },
  });
  return ported;
}
