// Write side of the TMF639 view: the Resource front door onto the same pool writes the /inventory-api door
// uses. Create inserts one available entry (through the pool's shape policy); PATCH resourceStatus calls the
// pool's reserve / release / recycle use-cases (their policies and state tables); DELETE removes an entry
// that sits available and was never assigned. Each write is one transaction with its outbox event.
import { randomBytes } from 'node:crypto';
import type { inventory as contracts } from '@bss/contracts';
import { Conflict, NotFound } from '@bss/policy';
import { currentContext } from '@bss/telemetry';
import type { CrmDeps } from '../../deps.ts';
import { ESIM_ID_PREFIX, MSISDN_ID_PREFIX } from '../domain/tmf639.mappers.ts';
import { esimEvent, msisdnEvent } from '../events/inventory.events.ts';
import { checkSaneProfile } from '../policies/esim.policies.ts';
import { checkSaneNumber } from '../policies/msisdn.policies.ts';
import { checkDeletable, checkImmutableEcho, checkSentId, createCharacteristics, poolOfCreate } from '../policies/tmf639.policies.ts';
import { deleteEsim, getEsimForUpdate, insertEsim } from '../repositories/esim.repository.ts';
import { deleteMsisdn, getMsisdnForUpdate, insertMissingMsisdns } from '../repositories/msisdn.repository.ts';
import { recycleEsim, releaseEsim, reserveEsimByIccid } from './esim.service.ts';
import { releaseMsisdn, reserveMsisdn } from './msisdn.service.ts';
import { getTmf639Resource, parseResourceId } from './tmf639.query.ts';

/** Profiles created without one are served by the operator's SM-DP+ (as the seeded stock is). */
const DEFAULT_SMDP_SERVER = 'smdp.bss-cli.local';

export async function createTmf639Resource(deps: CrmDeps, body: contracts.Tmf639ResourceCreate): Promise<contracts.Tmf639Resource> {
  const pool = poolOfCreate(body);
  const chars = createCharacteristics(pool, body.name, body.resourceCharacteristic);
  const now = deps.clock.now();
  const tenantId = currentContext().tenant;
  if (pool === 'msisdn') {
    checkSentId(body.id, `${MSISDN_ID_PREFIX}${body.name}`);
    await deps.database.db.transaction(async (tx) => {
      checkSaneNumber(body.name);
      // origin 'range': operator stock like add-range's numbers (an operational reset keeps it)
      const [inserted] = await insertMissingMsisdns(tx, [body.name], { origin: 'range', tenantId, now });
      if (!inserted) throw new Conflict('resource.create.already_exists', `MSISDN ${body.name} is already in the pool`, { id: `${MSISDN_ID_PREFIX}${body.name}` });
      const row = await getMsisdnForUpdate(tx, inserted);
      await deps.outbox.stage(tx, msisdnEvent('created', row, { origin: row.origin }));
    });
    return getTmf639Resource(deps, `${MSISDN_ID_PREFIX}${body.name}`);
  }
  checkSentId(body.id, `${ESIM_ID_PREFIX}${body.name}`);
  const profile = {
    iccid: body.name,
    imsi: chars.get('imsi'),
    kiRef: chars.get('kiRef'),
    smdpServer: chars.get('smdpServer') ?? DEFAULT_SMDP_SERVER,
    matchingId: chars.get('matchingId') ?? randomBytes(8).toString('hex'),
  };
  await deps.database.db.transaction(async (tx) => {
    checkSaneProfile(profile);
    const row = await insertEsim(tx, { ...profile, tenantId, createdAt: now, updatedAt: now });
    await deps.outbox.stage(tx, esimEvent('created', row));
  });
  return getTmf639Resource(deps, `${ESIM_ID_PREFIX}${body.name}`);
}

/** Merge-patch: only resourceStatus moves anything; the same value again changes nothing (a merge-patch is idempotent). */
export async function patchTmf639Resource(deps: CrmDeps, id: string, patch: contracts.Tmf639ResourcePatch): Promise<contracts.Tmf639Resource> {
  const current = await getTmf639Resource(deps, id);
  checkImmutableEcho(current, patch);
  const target = patch.resourceStatus;
  if (target === undefined || target === current.resourceStatus) return current;
  const ref = parseResourceId(id)!;
  if (ref.pool === 'msisdn') {
    await (target === 'reserved' ? reserveMsisdn(deps, ref.key) : releaseMsisdn(deps, ref.key));
  } else if (target === 'reserved') {
    await reserveEsimByIccid(deps, ref.key);
  } else {
    // back to available: an unused reservation is released, a profile that reached a device is recycled
    const state = current.resourceCharacteristic.find((c) => c.name === 'state')?.value;
    await (state === 'reserved' ? releaseEsim(deps, ref.key) : recycleEsim(deps, ref.key));
  }
  return getTmf639Resource(deps, id);
}

/** A pool's own 404 (msisdn/esim) answered as the TMF resource's; any other error passes through. */
const asResourceNotFound = (id: string) => (err: unknown) => {
  throw err instanceof NotFound ? new NotFound('resource', id) : err;
};

export async function deleteTmf639Resource(deps: CrmDeps, id: string): Promise<void> {
  const ref = parseResourceId(id);
  if (!ref) throw new NotFound('resource', id);
  await deps.database.db.transaction(async (tx) => {
    if (ref.pool === 'msisdn') {
      const row = await getMsisdnForUpdate(tx, ref.key).catch(asResourceNotFound(id));
      checkDeletable(id, { available: row.status === 'available', everAssigned: row.everAssigned, state: row.status });
      await deleteMsisdn(tx, row.msisdn);
      await deps.outbox.stage(tx, msisdnEvent('deleted', row));
    } else {
      const row = await getEsimForUpdate(tx, ref.key).catch(asResourceNotFound(id));
      checkDeletable(id, { available: row.profileState === 'available', everAssigned: row.everAssigned, state: row.profileState });
      await deleteEsim(tx, row.iccid);
      await deps.outbox.stage(tx, esimEvent('deleted', row));
    }
  });
}
