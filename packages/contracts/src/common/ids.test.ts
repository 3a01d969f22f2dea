// The minted id scheme: shape, alphabet, and no collision in 100k draws (the old 32-bit ids had ~69 %).
import { describe, expect, it } from 'vitest';
import { ID_ALPHABET, ID_RANDOM_CHARS, mintedIdPattern, mintId } from './ids.ts';

describe('mintId', () => {
  it('is the prefix, a dash and 20 lowercase Crockford base32 characters', () => {
    const id = mintId('CUST');
    expect(id).toMatch(mintedIdPattern('CUST'));
    expect(id).toHaveLength('CUST-'.length + ID_RANDOM_CHARS);
    expect(ID_ALPHABET).toHaveLength(32);
    expect(ID_ALPHABET).not.toMatch(/[ilou]/);
  });

  it('draws 100 000 ids without a collision, using the whole alphabet at every position', () => {
    const seen = new Set<string>();
    const perPosition = Array.from({ length: ID_RANDOM_CHARS }, () => new Set<string>());
    for (let i = 0; i < 100_000; i++) {
      const id = mintId('TKT');
      seen.add(id);
      const body = id.slice(4);
      for (let p = 0; p < ID_RANDOM_CHARS; p++) perPosition[p]!.add(body[p]!);
    }
    expect(seen.size).toBe(100_000);
    for (const chars of perPosition) expect(chars.size).toBe(32);
  });

  it('does not accept the legacy or foreign shapes as minted', () => {
    expect('CUST-1a2b3c4d').not.toMatch(mintedIdPattern('CUST'));
    expect(mintId('CASE')).not.toMatch(mintedIdPattern('CUST'));
  });
});
