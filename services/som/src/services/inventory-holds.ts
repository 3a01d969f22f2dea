// What a service order holds in CRM inventory and how it gives it back. Every call carries an idempotency key
// derived from the commercial order id, so a redelivered event (or a retried transaction) replays the first
// answer instead of reserving or releasing again.
import { ConflictError, NotFoundError, PolicyViolationError, ValidationError } from '@bss/clients';
import type { SomDeps } from '../deps.ts';

/** The idempotency key of one inventory step of one commercial order. */
export const inventoryKey = (orderId: string, step: 'msisdn.reserve' | 'esim.reserve' | 'esim.bind' | 'msisdn.release' | 'esim.release' | 'esim.recycle') =>
  `som:${orderId}:${step}`;

/**
 * True when inventory answered with a refusal (4xx: a rule, an unknown number, a bad preference): retrying cannot
 * change it, so the order fails instead of hanging. Transport errors and 5xx (ServiceUnavailableError) are not.
 */
export function isInventoryRefusal(err: unknown): err is Error {
  return err instanceof PolicyViolationError || err instanceof ValidationError || err instanceof NotFoundError || err instanceof ConflictError;
}

/** A short reason for an order that failed on an inventory refusal. */
export function refusalReason(err: Error): string {
  const rule = (err as { rule?: string; reason?: string }).rule ?? (err as { reason?: string }).reason ?? 'inventory.refused';
  return `inventory refused: ${rule}`;
}

export interface Holdings {
  msisdn: string | null;
  iccid: string | null;
  customerId: string | null;
  /** Whether the eSIM was bound to the MSISDN (every service order past decomposition). */
  bound: boolean;
}

/** The holdings recorded on a service order: an order that reserved both had bound them. */
export const holdingsOf = (so: { msisdn: string | null; iccid: string | null; customerId: string | null }): Holdings => ({
  msisdn: so.msisdn,
  iccid: so.iccid,
  customerId: so.customerId,
  bound: so.msisdn !== null && so.iccid !== null,
});

/**
 * Returns the MSISDN and the eSIM to the pools — only while they are still this order's. A reservation may have
 * expired (CRM's TTL) and been taken by another order, and a release has no owner check, so the profile's
 * binding is the proof: the number is ours while our profile is bound to it; the profile is ours while it is
 * bound to our number or, unbound (someone released the number), still names our customer. The number goes
 * first (releasing it unbinds the profile; the snapshot taken before still proves the profile ours), so a retry
 * after a half-done attempt finishes the job. The eSIM goes back by the move its state allows: an unused
 * reservation is released, a downloaded or activated profile recycled (v1.7 always called recycle, which fails
 * from `reserved`, and swallowed the error: profiles leaked). A refusal means the item is no longer ours to
 * return (already returned): logged, not fatal. Transport errors throw (the bus retries).
 */
export async function returnHoldings(deps: SomDeps, orderId: string, held: Holdings): Promise<void> {
  const { inventory, logger } = deps;
  const tolerate = (what: string) => (err: unknown) => {
    if (!isInventoryRefusal(err)) throw err;
    logger.warn({ orderId, what, rule: (err as { rule?: string }).rule }, 'inventory refused to take an item back; treating it as already returned');
  };
  const profile = held.iccid
    ? await inventory.getEsim(held.iccid).catch((err: unknown) => {
        if (err instanceof NotFoundError) return undefined;
        throw err;
      })
    : undefined;
  const numberOurs = held.msisdn !== null && (!held.bound || profile?.assignedMsisdn === held.msisdn);
  if (held.msisdn && numberOurs) await inventory.releaseMsisdn(held.msisdn, { idempotencyKey: inventoryKey(orderId, 'msisdn.release') }).catch(tolerate('msisdn'));
  else if (held.msisdn) logger.warn({ orderId }, 'the MSISDN is no longer bound to this order (expired or released); left alone');
  if (!held.iccid || !profile) return;
  const profileOurs =
    !held.bound || profile.assignedMsisdn === held.msisdn || (profile.assignedMsisdn === null && profile.assignedToCustomerId !== null && profile.assignedToCustomerId === held.customerId);
  if (!profileOurs) {
    logger.warn({ orderId }, 'the eSIM is no longer this order\'s (expired or reused); left alone');
    return;
  }
  if (profile.profileState === 'reserved') await inventory.releaseEsim(held.iccid, { idempotencyKey: inventoryKey(orderId, 'esim.release') }).catch(tolerate('esim'));
  else if (profile.profileState === 'downloaded' || profile.profileState === 'activated') {
    await inventory.recycleEsim(held.iccid, { idempotencyKey: inventoryKey(orderId, 'esim.recycle') }).catch(tolerate('esim'));
  }
}
