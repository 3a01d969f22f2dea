// One transaction for an inventory write that may carry an idempotency key. With a key, the transaction first
// claims (tenant, caller, key); a concurrent duplicate blocks on that claim until the first commits, then
// gets the stored response (or 422 if the key described another request) without writing anything. The
// response is stored before the commit, so "written" and "remembered" are one fact. A write that fails rolls
// its claim back with it: only successful results are replayed, and a retry after a refusal runs afresh.
import type { Tx } from '@bss/db';
import { currentContext } from '@bss/telemetry';
import type { CrmDeps } from '../../deps.ts';
import { checkSameRequestForKey } from '../policies/idempotency.policies.ts';
import { claimIdempotencyKey, getIdempotencyKey, storeIdempotentResponse } from '../repositories/idempotency-key.repository.ts';

/** What an idempotent write answered; `replayed` says whether it is the stored first result. */
export interface Written<T> {
  result: T;
  replayed: boolean;
}

/** Which write, on what, with what: the identity a reused key must match. */
export interface WriteIdentity {
  operation: string;
  request: Record<string, unknown>;
  idempotencyKey?: string | undefined;
}

/** JSON with sorted keys and no undefined members, so equal requests compare equal as strings. */
function canonical(value: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b))));
}

/** Runs `write` in one transaction, at most once per idempotency key. */
export function writeOnce<T>(deps: CrmDeps, identity: WriteIdentity, write: (tx: Tx) => Promise<T>): Promise<Written<T>> {
  return deps.database.db.transaction(async (tx) => {
    if (!identity.idempotencyKey) return { result: await write(tx), replayed: false };
    const ctx = currentContext();
    const scope = { tenantId: ctx.tenant, caller: ctx.serviceIdentity, idempotencyKey: identity.idempotencyKey };
    const request = canonical(identity.request);
    const claimed = await claimIdempotencyKey(tx, { ...scope, operation: identity.operation, request, createdAt: deps.clock.now() });
    if (!claimed) {
      const first = await getIdempotencyKey(tx, scope);
      checkSameRequestForKey(first, identity.operation, request);
      return { result: first.response as T, replayed: true };
    }
    const result = await write(tx);
    await storeIdempotentResponse(tx, scope, result);
    return { result, replayed: false };
  });
}
