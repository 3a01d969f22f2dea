// Exact decimal handling for catalog amounts: inputs are normalised to strings and compared as scaled
// integers (BigInt), so no amount ever goes through float arithmetic.

/** At most 10 integer digits and 2 fraction digits: what NUMERIC(12,2) stores without rounding. */
const DECIMAL = /^\d{1,10}(\.\d{1,2})?$/;

/** The canonical string of an admin amount input, or undefined when it is not an exact 2-dp decimal. */
export function normalizeAmount(input: string | number): string | undefined {
  if (typeof input === 'number' && !Number.isFinite(input)) return undefined;
  // String(number) gives the shortest round-trip form: 25.5 → "25.5", 0.1 + 0.2 → "0.30000000000000004" (rejected).
  const text = String(input).trim();
  return DECIMAL.test(text) ? text : undefined;
}

/** Splits a non-negative decimal string into integer and fraction digits. */
function parts(decimal: string): [string, string] {
  const [int = '0', frac = ''] = decimal.split('.');
  return [int, frac];
}

/** Compares two non-negative decimal strings exactly: negative, zero or positive like a sort comparator. */
export function compareDecimal(a: string, b: string): number {
  const [ai, af] = parts(a);
  const [bi, bf] = parts(b);
  const scale = Math.max(af.length, bf.length);
  const av = BigInt(ai + af.padEnd(scale, '0'));
  const bv = BigInt(bi + bf.padEnd(scale, '0'));
  return av < bv ? -1 : av > bv ? 1 : 0;
}

/** True when the decimal string is strictly greater than zero. */
export function isPositiveDecimal(decimal: string): boolean {
  return compareDecimal(decimal, '0') > 0;
}

/** The TMF Money.value (a JSON number per the TMF schema) of a stored NUMERIC string: a parse, not a computation. */
export function moneyValue(decimal: string): number {
  return Number(decimal);
}
