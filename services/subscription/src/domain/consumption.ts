// Consuming a rated usage from one bundle balance, exactly: the usage is split into the part the balance still
// covers (applied) and the rest (overage). A limited balance never goes below zero; an unlimited one (-1)
// counts what was consumed and never runs out. Pure, so the arithmetic is tested without a database.

export const UNLIMITED = -1;

export interface BalanceLevel {
  total: number;
  consumed: number;
}

export interface Consumption {
  applied: number;
  overage: number;
  /** consumed after this usage */
  consumed: number;
  /** remaining after this usage; -1 for unlimited */
  remaining: number;
}

/** What is left of a balance (-1 = unlimited, never below 0). */
export function remainingOf(b: BalanceLevel): number {
  return b.total === UNLIMITED ? UNLIMITED : Math.max(b.total - b.consumed, 0);
}

/** A limited balance with nothing left. */
export function isExhausted(b: BalanceLevel): boolean {
  return b.total !== UNLIMITED && b.total - b.consumed <= 0;
}

/** Applies `quantity` to `b`: the covered part is decremented, the rest is overage (recorded, never charged). */
export function consume(b: BalanceLevel, quantity: number): Consumption {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new RangeError(`usage quantity must be a positive integer, got ${quantity}`);
  if (b.total === UNLIMITED) return { applied: quantity, overage: 0, consumed: b.consumed + quantity, remaining: UNLIMITED };
  const room = Math.max(b.total - b.consumed, 0);
  const applied = Math.min(quantity, room);
  const consumed = b.consumed + applied;
  return { applied, overage: quantity - applied, consumed, remaining: b.total - consumed };
}

/** A balance as usage sees it at `now`: unlimited while a day pass runs. */
export function effectiveLevel(b: BalanceLevel & { unlimitedUntil?: Date | null }, now: Date): BalanceLevel {
  return b.unlimitedUntil && b.unlimitedUntil > now ? { total: UNLIMITED, consumed: b.consumed } : { total: b.total, consumed: b.consumed };
}

/** What an expiring top-up of `quantity` takes back: its unused part (never more than is left). */
export function expiryTakeBack(b: BalanceLevel, quantity: number): number {
  if (b.total === UNLIMITED || quantity <= 0) return 0;
  return Math.min(quantity, Math.max(b.total - b.consumed, 0));
}
