// The one idempotency rule of inventory writes: a key is a replay only of the very request it was first used for.
import { requirePolicy } from '@bss/policy';
import type { IdempotencyKeyRow } from '../schema.ts';

/** Refuses a key reused for another operation or target or body (422 inventory.idempotency_key.mismatch). */
export function checkSameRequestForKey(first: IdempotencyKeyRow, operation: string, request: string): void {
  requirePolicy(
    first.operation === operation && first.request === request,
    'inventory.idempotency_key.mismatch',
    `idempotency key ${first.idempotencyKey} was already used for a different ${first.operation === operation ? 'request' : 'operation'} (${first.operation})`,
    { idempotencyKey: first.idempotencyKey, operation, firstOperation: first.operation },
  );
}
