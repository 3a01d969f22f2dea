// Terminating a line (POST …/{id}/terminate, or a port-out), in one transaction on the locked row:
//   1. policy: active or blocked (subscription.terminate.invalid_state);
//   2. inventory, keyed terminate:<id>:msisdn|esim so a retry after a failed commit replays: the number is
//      released (CRM quarantines it before it is sold again) unless it left with a port-out (CRM marked it
//      ported_out; releaseInventory false), and the eSIM goes back — recycled if it was downloaded/activated,
//      released if it never left `reserved`. A transport failure rolls everything back (retry); a refusal
//      from inventory (the number is no longer this line's) is logged and does not keep the line alive;
//   3. `terminate`, terminated_at, running top-ups end, subscription.terminated.
import { NotFoundError, PolicyViolationError } from '@bss/clients';
import type { Tx } from '@bss/db';
import { NotFound, requirePolicy } from '@bss/policy';
import type { SubscriptionDeps } from '../deps.ts';
import { subscriptionTerminated } from '../events/renewal.events.ts';
import { lockSubscription } from '../repositories/lifecycle.repository.ts';
import { endOpenVas } from '../repositories/vas.repository.ts';
import type { SubscriptionRow } from '../schema.ts';
import { transition } from './transition.ts';

export const TERMINATE_STATE_RULE = 'subscription.terminate.invalid_state';

export interface TerminateInput {
  reason: string;
  releaseInventory: boolean;
}

export function createTermination(deps: SubscriptionDeps) {
  const { clock, outbox, inventory, logger } = deps;

  /** An inventory write whose refusal is logged, not fatal (transport failures still throw). */
  async function tolerant(what: string, sub: SubscriptionRow, write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (err) {
      if (!(err instanceof PolicyViolationError || err instanceof NotFoundError)) throw err;
      logger.warn({ subscriptionId: sub.id, reason: err.reason, what }, 'terminate: inventory refused; the line is terminated anyway');
      return false;
    }
  }

  async function returnInventory(sub: SubscriptionRow, releaseNumber: boolean): Promise<void> {
    const key = `terminate:${sub.id}`;
    if (releaseNumber) await tolerant('msisdn.release', sub, () => inventory.releaseMsisdn(sub.msisdn, { idempotencyKey: `${key}:msisdn` }));
    await tolerant('esim.return', sub, async () => {
      const esim = await inventory.getEsim(sub.iccid);
      if (esim.profileState === 'available') return;
      if (esim.profileState === 'reserved') await inventory.releaseEsim(sub.iccid, { idempotencyKey: `${key}:esim` });
      else await inventory.recycleEsim(sub.iccid, { idempotencyKey: `${key}:esim` });
    });
  }

  /** Terminates `subscriptionId`; `ifLive` makes an already terminated line a no-op (the port-out consumer). */
  async function terminate(tx: Tx, subscriptionId: string, input: TerminateInput, opts: { ifLive?: boolean } = {}): Promise<SubscriptionRow | undefined> {
    const sub = await lockSubscription(tx, subscriptionId);
    if (!sub) throw new NotFound('subscription', subscriptionId);
    if (opts.ifLive && sub.state === 'terminated') return undefined;
    requirePolicy(sub.state === 'active' || sub.state === 'blocked', TERMINATE_STATE_RULE, `subscription ${sub.id} is ${sub.state}`, { subscriptionId: sub.id, state: sub.state });
    await returnInventory(sub, input.releaseInventory);
    const now = clock.now();
    const done = await transition(tx, sub, 'terminate', input.reason, now, { terminatedAt: now, nextRenewalAt: null });
    await endOpenVas(tx, sub.id, now);
    await outbox.stage(tx, subscriptionTerminated(done, input.reason, sub.state, input.releaseInventory));
    return done;
  }

  return { terminate };
}
