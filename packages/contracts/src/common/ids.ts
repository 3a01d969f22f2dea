// The one id scheme for ids minted in code: `<PREFIX>-<20 Crockford base32 characters>`, 100 random bits, e.g.
// `CUST-7k3m9x2q4w8e1r5t6y0z`. At 100 bits the chance of any collision stays below 1e-9 up to ~5e10 ids per
// prefix (the previous 32-bit ids reached ~69 % at 100k). Crockford's alphabet drops i, l, o and u, so an id read
// aloud or retyped from a card is unambiguous. Ids counted by a database sequence (`PM-0001`, `PAY-000001`) are
// collision-free already and stay as they are; ids minted before this scheme (`CUST-1a2b3c4d`) remain valid.

/** Lowercase Crockford base32. */
export const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** Random characters after the prefix: 20 × 5 bits = 100 bits. */
export const ID_RANDOM_CHARS = 20;

/** What `mintId` produces, for a given prefix. */
export const mintedIdPattern = (prefix: string) => new RegExp(`^${prefix}-[${ID_ALPHABET}]{${ID_RANDOM_CHARS}}$`);

/**
 * A fresh id: `prefix` + '-' + 20 random Crockford base32 characters. Each character takes the low 5 bits of one
 * random byte; 256 is a multiple of 32, so every character is uniform (no modulo bias). Web Crypto, so the same
 * function works wherever contracts are imported.
 */
export function mintId(prefix: string): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(ID_RANDOM_CHARS));
  let out = `${prefix}-`;
  for (const b of bytes) out += ID_ALPHABET[b & 31];
  return out;
}
