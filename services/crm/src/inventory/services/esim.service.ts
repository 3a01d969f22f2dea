// eSIM profile use-cases: reserve → bind MSISDN → downloaded → activated → recycle (back to available),
// or release a reservation. Each is one transaction: lock → policy → state table → update → outbox, and each
// takes an optional idempotency key (services/idempotent-write.ts).
import type { inventory as contracts } from '@bss/contracts';
import type { Tx } from '@bss/db';
import type { CrmDeps } from '../../deps.ts';
import { freshMatchingId } from '../domain/esim-credentials.ts';
import { esimStateMachine, type EsimState, type EsimTrigger } from '../domain/esim.state.ts';
import { toEsimProfile } from '../domain/inventory.mappers.ts';
import { esimEvent } from '../events/inventory.events.ts';
import {
  checkEsimReservable,
  checkEsimReservedForBinding,
  checkLinksAgree,
  checkMsisdnBindable,
  checkMsisdnNotBoundElsewhere,
  requireAvailableEsim,
} from '../policies/esim.policies.ts';
import {
  findEsimBoundToMsisdnForUpdate,
  getEsim,
  getEsimForUpdate,
  lockNextAvailableEsim,
  updateEsim,
  type EsimPatch,
} from '../repositories/esim.repository.ts';
import { findMsisdnForUpdate } from '../repositories/msisdn.repository.ts';
import type { EsimRow } from '../schema.ts';
import { writeOnce, type Written } from './idempotent-write.ts';

const nextState = (row: EsimRow, trigger: EsimTrigger) =>
  esimStateMachine.transition(row.profileState as EsimState, trigger, { iccid: row.iccid, state: row.profileState });

/** Everything that ties a profile to a number, owner or lifecycle moment, cleared when it returns to the pool. */
const CLEARED: Omit<EsimPatch, 'updatedAt'> = {
  assignedMsisdn: null,
  assignedToSubscriptionId: null,
  assignedToCustomerId: null,
  reservedAt: null,
  downloadedAt: null,
  activatedAt: null,
};

/** Reserves the lowest-ICCID available profile; parallel calls never get the same one. */
export function reserveEsim(deps: CrmDeps, idempotencyKey?: string): Promise<Written<contracts.EsimProfile>> {
  return writeOnce(deps, { operation: 'esim.reserve', request: {}, idempotencyKey }, async (tx) => {
    const row = await lockNextAvailableEsim(tx);
    requireAvailableEsim(row);
    const now = deps.clock.now();
    const reserved = await updateEsim(tx, row.iccid, { profileState: nextState(row, 'reserve'), reservedAt: now, updatedAt: now });
    await deps.outbox.stage(tx, esimEvent('reserved', reserved));
    return toEsimProfile(reserved);
  });
}

/** Reserves one named profile (TMF639 PATCH resourceStatus=reserved); the profile waits for a concurrent writer. */
export function reserveEsimByIccid(deps: CrmDeps, iccid: string, idempotencyKey?: string): Promise<Written<contracts.EsimProfile>> {
  return writeOnce(deps, { operation: 'esim.reserve_one', request: { iccid }, idempotencyKey }, async (tx) => {
    const row = await getEsimForUpdate(tx, iccid);
    checkEsimReservable(row);
    const now = deps.clock.now();
    const reserved = await updateEsim(tx, iccid, { profileState: nextState(row, 'reserve'), reservedAt: now, updatedAt: now });
    await deps.outbox.stage(tx, esimEvent('reserved', reserved));
    return toEsimProfile(reserved);
  });
}

/** Binds a reserved/assigned number to a reserved profile; owner links come from the input or the number. */
export function assignEsimMsisdn(deps: CrmDeps, iccid: string, input: contracts.AssignEsimMsisdnRequest): Promise<Written<contracts.EsimProfile>> {
  const request = { iccid, msisdn: input.msisdn, subscriptionId: input.subscriptionId, customerId: input.customerId };
  return writeOnce(deps, { operation: 'esim.assign_msisdn', request, idempotencyKey: input.idempotencyKey }, async (tx) => {
    // lock order is always number → profile (as in MSISDN assign/release), so the two paths cannot deadlock
    await getEsim(tx, iccid);
    const number = await findMsisdnForUpdate(tx, input.msisdn);
    const esim = await getEsimForUpdate(tx, iccid);
    checkEsimReservedForBinding(esim);
    checkMsisdnBindable(input.msisdn, number);
    checkLinksAgree(number, input);
    checkMsisdnNotBoundElsewhere(input.msisdn, await findEsimBoundToMsisdnForUpdate(tx, input.msisdn, iccid));
    const bound = await updateEsim(tx, iccid, {
      profileState: nextState(esim, 'assign_msisdn'),
      assignedMsisdn: input.msisdn,
      everAssigned: true,
      assignedToSubscriptionId: input.subscriptionId ?? number.assignedToSubscriptionId ?? esim.assignedToSubscriptionId,
      assignedToCustomerId: input.customerId ?? number.assignedToCustomerId ?? esim.assignedToCustomerId,
      updatedAt: deps.clock.now(),
    });
    await deps.outbox.stage(tx, esimEvent('msisdn_assigned', bound, { previousMsisdn: esim.assignedMsisdn }));
    return toEsimProfile(bound);
  });
}

async function move(
  deps: CrmDeps,
  iccid: string,
  trigger: 'download' | 'activate' | 'recycle' | 'release',
  patch: (now: Date, row: EsimRow) => Omit<EsimPatch, 'updatedAt' | 'profileState'>,
  event: 'downloaded' | 'activated' | 'recycled' | 'released',
  idempotencyKey: string | undefined,
): Promise<Written<contracts.EsimProfile>> {
  return writeOnce(deps, { operation: `esim.${trigger}`, request: { iccid }, idempotencyKey }, async (tx: Tx) => {
    const row = await getEsimForUpdate(tx, iccid);
    const profileState = nextState(row, trigger);
    const now = deps.clock.now();
    const moved = await updateEsim(tx, iccid, { ...patch(now, row), profileState, updatedAt: now });
    // recycle/release clear the links, so the event says what they were
    await deps.outbox.stage(
      tx,
      esimEvent(event, moved, {
        previousState: row.profileState,
        previousMsisdn: row.assignedMsisdn,
        previousSubscriptionId: row.assignedToSubscriptionId,
        previousCustomerId: row.assignedToCustomerId,
      }),
    );
    return toEsimProfile(moved);
  });
}

/** The device fetched the profile from SM-DP+ (reserved → downloaded). */
export const markEsimDownloaded = (deps: CrmDeps, iccid: string, idempotencyKey?: string) =>
  move(deps, iccid, 'download', (now) => ({ downloadedAt: now }), 'downloaded', idempotencyKey);

/** The profile attached to the network (downloaded → activated). */
export const markEsimActivated = (deps: CrmDeps, iccid: string, idempotencyKey?: string) =>
  move(deps, iccid, 'activate', (now) => ({ activatedAt: now }), 'activated', idempotencyKey);

/** Returns a used profile to the pool for reuse (downloaded/activated → available), all links cleared, new code. */
export const recycleEsim = (deps: CrmDeps, iccid: string, idempotencyKey?: string) =>
  move(deps, iccid, 'recycle', () => ({ ...CLEARED, matchingId: freshMatchingId() }), 'recycled', idempotencyKey);

/** Gives back a reservation (reserved → available), all links cleared; its code may have been shown: a new one. */
export const releaseEsim = (deps: CrmDeps, iccid: string, idempotencyKey?: string) =>
  move(deps, iccid, 'release', () => ({ ...CLEARED, matchingId: freshMatchingId() }), 'released', idempotencyKey);
