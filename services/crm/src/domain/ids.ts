// Id minting for CRM aggregates: `<PREFIX>-<8 lowercase hex>` (data-model §2). Randomness, never time.
import { randomUUID } from 'node:crypto';

export type IdPrefix = 'CUST' | 'PTY' | 'CM' | 'INT' | 'CASE' | 'NOTE' | 'TKT';

/** A fresh prefixed id, e.g. `CUST-1a2b3c4d`. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}-${randomUUID().replaceAll('-', '').slice(0, 8)}`;
}
