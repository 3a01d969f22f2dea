// Card facts that need no provider: expiry against the business clock.

/** A card is valid through the last day of its expiry month (UTC), so it expires when that month is past. */
export function isCardExpired(expMonth: number, expYear: number, now: Date): boolean {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  return expYear < year || (expYear === year && expMonth < month);
}
