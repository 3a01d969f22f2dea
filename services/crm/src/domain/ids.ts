// Id minting for CRM aggregates: the shared scheme of @bss/contracts (`<PREFIX>-` + 100 random bits in Crockford
// base32, see DECISIONS 2026-12-01). Randomness, never time. Ids minted before (`CUST-1a2b3c4d`) stay valid.
import { mintId } from '@bss/contracts';

export type IdPrefix = 'CUST' | 'PTY' | 'CM' | 'INT' | 'CASE' | 'NOTE' | 'TKT' | 'PORT';

/** A fresh prefixed id, e.g. `CUST-7k3m9x2q4w8e1r5t6y0z`. */
export function newId(prefix: IdPrefix): string {
  return mintId(prefix);
}
