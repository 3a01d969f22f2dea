// MSISDN pool use-cases. Each opens one transaction: lock → policy → state table → update → outbox. The
// writes a consumer calls take an optional idempotency key (services/idempotent-write.ts).
import type { inventory as contracts } from '@bss/contracts';
import type { Tx } from '@bss/db';
import { currentContext } from '@bss/telemetry';
import type { CrmDeps } from '../../deps.ts';
import { msisdnPoolLowThreshold, msisdnQuarantineDays } from '../config.ts';
import { toMsisdn } from '../domain/inventory.mappers.ts';
import { msisdnStateMachine, type MsisdnStatus } from '../domain/msisdn.state.ts';
import { msisdnEvent, poolLowEvent, rangeAddedEvent } from '../events/inventory.events.ts';
import { checkNotQuarantined, quarantineEnd } from '../policies/msisdn-quarantine.policies.ts';
import { checkAssignable, checkReleasable, checkReservable, checkSaneRange, requireNextAvailable } from '../policies/msisdn.policies.ts';
import { findEsimBoundToMsisdnForUpdate, updateEsim } from '../repositories/esim.repository.ts';
import {
  countAvailableMsisdns,
  getMsisdnForUpdate,
  insertMissingMsisdns,
  lockNextAvailableMsisdn,
  preferencePattern,
  updateMsisdn,
} from '../repositories/msisdn.repository.ts';
import type { MsisdnRow } from '../schema.ts';
import { writeOnce, type Written } from './idempotent-write.ts';

/** Stages pool_low when the reservation just made leaves the pool at or below the watermark (every time). */
async function stagePoolLowIfNeeded(deps: CrmDeps, tx: Tx): Promise<void> {
  const threshold = msisdnPoolLowThreshold(deps.config);
  const available = await countAvailableMsisdns(tx);
  if (available <= threshold) await deps.outbox.stage(tx, poolLowEvent(currentContext().tenant, available, threshold));
}

async function reserveRow(deps: CrmDeps, tx: Tx, row: MsisdnRow): Promise<contracts.Msisdn> {
  const status = msisdnStateMachine.transition(row.status as MsisdnStatus, 'reserve', { msisdn: row.msisdn });
  const now = deps.clock.now();
  const reserved = await updateMsisdn(tx, row.msisdn, { status, reservedAt: now, updatedAt: now });
  await deps.outbox.stage(tx, msisdnEvent('reserved', reserved));
  await stagePoolLowIfNeeded(deps, tx);
  return toMsisdn(reserved);
}

/** Reserves one specific number (waits for a concurrent writer, then re-checks its status). */
export function reserveMsisdn(deps: CrmDeps, msisdn: string, idempotencyKey?: string): Promise<Written<contracts.Msisdn>> {
  return writeOnce(deps, { operation: 'msisdn.reserve', request: { msisdn }, idempotencyKey }, async (tx) => {
    const row = await getMsisdnForUpdate(tx, msisdn);
    checkReservable(row);
    checkNotQuarantined(row, deps.clock.now());
    return reserveRow(deps, tx, row);
  });
}

/** Reserves the lowest available number matching the optional preference; parallel calls never collide. */
export function reserveNextMsisdn(deps: CrmDeps, input: contracts.ReserveNextMsisdnRequest): Promise<Written<contracts.Msisdn>> {
  const request = { preference: input.preference ?? null };
  return writeOnce(deps, { operation: 'msisdn.reserve_next', request, idempotencyKey: input.idempotencyKey }, async (tx) => {
    const row = await lockNextAvailableMsisdn(tx, input.preference ? preferencePattern(input.preference) : undefined, deps.clock.now());
    requireNextAvailable(row, input.preference);
    return reserveRow(deps, tx, row);
  });
}

/** Assigns a reserved number to its subscription and customer, and stamps the same links on its bound eSIM. */
export function assignMsisdn(deps: CrmDeps, msisdn: string, input: contracts.AssignMsisdnRequest): Promise<Written<contracts.Msisdn>> {
  const request = { msisdn, subscriptionId: input.subscriptionId, customerId: input.customerId };
  return writeOnce(deps, { operation: 'msisdn.assign', request, idempotencyKey: input.idempotencyKey }, async (tx) => {
    const row = await getMsisdnForUpdate(tx, msisdn, 'msisdn.assign.not_found');
    checkAssignable(row, input.subscriptionId);
    const status = msisdnStateMachine.transition(row.status as MsisdnStatus, 'assign', { msisdn });
    const now = deps.clock.now();
    const assigned = await updateMsisdn(tx, msisdn, {
      status,
      assignedAt: row.assignedAt ?? now,
      assignedToSubscriptionId: input.subscriptionId,
      assignedToCustomerId: input.customerId,
      everAssigned: true,
      updatedAt: now,
    });
    const esim = await findEsimBoundToMsisdnForUpdate(tx, msisdn);
    if (esim) {
      await updateEsim(tx, esim.iccid, { assignedToSubscriptionId: input.subscriptionId, assignedToCustomerId: input.customerId, everAssigned: true, updatedAt: now });
    }
    await deps.outbox.stage(tx, msisdnEvent('assigned', assigned, { iccid: esim?.iccid ?? null }));
    return toMsisdn(assigned);
  });
}

/** Returns a reserved or assigned number to the pool, clearing its links and unbinding it from any eSIM. */
export function releaseMsisdn(deps: CrmDeps, msisdn: string, idempotencyKey?: string): Promise<Written<contracts.Msisdn>> {
  return writeOnce(deps, { operation: 'msisdn.release', request: { msisdn }, idempotencyKey }, async (tx) => {
    const row = await getMsisdnForUpdate(tx, msisdn, 'msisdn.release.not_found');
    checkReleasable(row);
    const status = msisdnStateMachine.transition(row.status as MsisdnStatus, 'release', { msisdn });
    const now = deps.clock.now();
    const esim = await findEsimBoundToMsisdnForUpdate(tx, msisdn);
    if (esim) await updateEsim(tx, esim.iccid, { assignedMsisdn: null, updatedAt: now });
    const released = await updateMsisdn(tx, msisdn, {
      status,
      quarantinedUntil: quarantineEnd(row.status, now, msisdnQuarantineDays(deps.config)),
      reservedAt: null,
      assignedAt: null,
      assignedToSubscriptionId: null,
      assignedToCustomerId: null,
      updatedAt: now,
    });
    await deps.outbox.stage(
      tx,
      msisdnEvent('released', released, {
        previousStatus: row.status,
        previousSubscriptionId: row.assignedToSubscriptionId,
        previousCustomerId: row.assignedToCustomerId,
        unboundIccid: esim?.iccid ?? null,
      }),
    );
    return toMsisdn(released);
  });
}

/** Idempotent replenishment: inserts `<prefix><0000…count-1>` that are missing; existing rows are untouched. */
export function addMsisdnRange(deps: CrmDeps, input: contracts.AddMsisdnRangeRequest): Promise<contracts.AddMsisdnRangeResult> {
  return deps.database.db.transaction(async (tx) => {
    checkSaneRange(input.prefix, input.count);
    const numbers = Array.from({ length: input.count }, (_, i) => `${input.prefix}${String(i).padStart(4, '0')}`);
    const inserted = await insertMissingMsisdns(tx, numbers, { origin: 'range', tenantId: currentContext().tenant, now: deps.clock.now() });
    const result = {
      prefix: input.prefix,
      count: input.count,
      inserted: inserted.length,
      skipped: input.count - inserted.length,
      first: numbers[0]!,
      last: numbers[numbers.length - 1]!,
    };
    await deps.outbox.stage(tx, rangeAddedEvent(result));
    return result;
  });
}
