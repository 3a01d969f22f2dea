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
}

/**
 * Returns the eSIM and the MSISDN to the pools. The eSIM goes back by the move its state allows: an unused
 * reservation is released, a profile that was downloaded or activated is recycled (v1.7 always called recycle,
 * which fails from `reserved`, and swallowed the error: profiles leaked). A refusal means the item is no longer
 * ours to return (already released, expired, taken back): logged, not fatal. Transport errors throw (retry).
 */
export async function returnHoldings(deps: SomDeps, orderId: string, held: Holdings): Promise<void> {
  const { inventory, logger } = deps;
  const tolerate = (what: string) => (err: unknown) => {
    if (!isInventoryRefusal(err)) throw err;
    logger.warn({ orderId, what, rule: (err as { rule?: string }).rule }, 'inventory refused to take an item back; treating it as already returned');
  };
  if (held.iccid) {
    const iccid = held.iccid;
    const profile = await inventory.getEsim(iccid).catch((err: unknown) => {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    });
    // a reserved profile bound to another number is someone else's reservation now (ours expired): leave it
    const ours = profile !== undefined && (profile.assignedMsisdn === null || profile.assignedMsisdn === held.msisdn);
    if (ours && profile.profileState === 'reserved') await inventory.releaseEsim(iccid, { idempotencyKey: inventoryKey(orderId, 'esim.release') }).catch(tolerate('esim'));
    else if (ours && (profile.profileState === 'downloaded' || profile.profileState === 'activated')) {
      await inventory.recycleEsim(iccid, { idempotencyKey: inventoryKey(orderId, 'esim.recycle') }).catch(tolerate('esim'));
    }
  }
  // the number after the profile, so the profile's binding still names it when we decide whose profile it is
  if (held.msisdn) await inventory.releaseMsisdn(held.msisdn, { idempotencyKey: inventoryKey(orderId, 'msisdn.release') }).catch(tolerate('msisdn'));
}
