// Card expiry against the business clock, at the month boundary.
import { describe, expect, it } from 'vitest';
import { isCardExpired } from './card.ts';

describe('card expiry', () => {
  const now = new Date('2026-06-30T23:59:59Z');
  it('is valid through the end of its expiry month (UTC) and expired after', () => {
    expect(isCardExpired(6, 2026, now)).toBe(false);
    expect(isCardExpired(5, 2026, now)).toBe(true);
    expect(isCardExpired(12, 2025, now)).toBe(true);
    expect(isCardExpired(1, 2027, now)).toBe(false);
    expect(isCardExpired(6, 2026, new Date('2026-07-01T00:00:00Z'))).toBe(true);
  });
});
