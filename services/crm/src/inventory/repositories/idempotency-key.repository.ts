// Queries on inventory.idempotency_key. The primary key (tenant, caller, key) is what makes a duplicate write
// impossible: claimIdempotencyKey blocks on a concurrent claim until it commits, then reports the clash.
import type { Tx } from '@bss/db';
import { and, eq } from 'drizzle-orm';
import { idempotencyKey, type IdempotencyKeyRow } from '../schema.ts';

export type IdempotencyScope = Pick<IdempotencyKeyRow, 'tenantId' | 'caller' | 'idempotencyKey'>;

const inScope = (scope: IdempotencyScope) =>
  and(eq(idempotencyKey.tenantId, scope.tenantId), eq(idempotencyKey.caller, scope.caller), eq(idempotencyKey.idempotencyKey, scope.idempotencyKey));

/** Claims the key for this transaction; false when another (committed) write already holds it. */
export async function claimIdempotencyKey(tx: Tx, claim: Omit<IdempotencyKeyRow, 'response'>): Promise<boolean> {
  const rows = await tx
    .insert(idempotencyKey)
    .values(claim)
    .onConflictDoNothing({ target: [idempotencyKey.tenantId, idempotencyKey.caller, idempotencyKey.idempotencyKey] })
    .returning({ key: idempotencyKey.idempotencyKey });
  return rows.length === 1;
}

/** The committed row holding the key (read after a failed claim, so it is always there). */
export async function getIdempotencyKey(tx: Tx, scope: IdempotencyScope): Promise<IdempotencyKeyRow> {
  const [row] = await tx.select().from(idempotencyKey).where(inScope(scope));
  if (!row) throw new Error(`idempotency key ${scope.idempotencyKey} vanished after its claim failed`);
  return row;
}

/** Stores the response of the write that claimed the key, in that write's transaction. */
export async function storeIdempotentResponse(tx: Tx, scope: IdempotencyScope, response: unknown): Promise<void> {
  await tx.update(idempotencyKey).set({ response }).where(inScope(scope));
}
