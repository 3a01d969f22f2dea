// Exact money amounts, shared by every service that handles them (catalog prices, payment charges, …). An
// amount is a decimal string; the rules are those of the Postgres column every amount lives in, numeric(12,2):
// at most 10 integer digits and 2 fraction digits. Arithmetic and comparison run on integer cents (BigInt), so
// no amount ever goes through a float. The canonical form always has 2 decimals: "25" → "25.00".

/** numeric(12,2): integer digits and fraction digits an amount may have. */
export const AMOUNT_INTEGER_DIGITS = 10;
export const AMOUNT_SCALE = 2;

const CENTS_PER_UNIT = 100n;
const MAX_CENTS = 10n ** BigInt(AMOUNT_INTEGER_DIGITS + AMOUNT_SCALE) - 1n;
const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * Integer cents of an amount, or undefined when it is not an exact decimal within numeric(12,2): no exponent,
 * no separators, at most 2 fraction digits (never rounded), at most 10 integer digits once leading zeros go.
 * A number is read through its shortest round-trip text, so 0.1 + 0.2 ("0.30000000000000004") is refused.
 */
export function amountToCents(input: string | number): bigint | undefined {
  if (typeof input === 'number' && !Number.isFinite(input)) return undefined;
  const match = DECIMAL.exec(String(input).trim());
  if (!match) return undefined;
  const [, sign, integer, fraction = ''] = match;
  if (fraction.length > AMOUNT_SCALE) return undefined;
  const cents = BigInt(integer!) * CENTS_PER_UNIT + BigInt(fraction.padEnd(AMOUNT_SCALE, '0'));
  if (cents > MAX_CENTS) return undefined;
  return sign === '-' ? -cents : cents;
}

/** The canonical amount string of integer cents ("-3.50"); throws RangeError outside numeric(12,2). */
export function centsToAmount(cents: bigint): string {
  const abs = cents < 0n ? -cents : cents;
  if (abs > MAX_CENTS) throw new RangeError(`amount out of range for numeric(12,2)`);
  const units = abs / CENTS_PER_UNIT;
  const rest = (abs % CENTS_PER_UNIT).toString().padStart(AMOUNT_SCALE, '0');
  return `${cents < 0n ? '-' : ''}${units}.${rest}`;
}

/** The canonical form of an amount ("25" → "25.00", "-0" → "0.00"), or undefined when it is not a valid amount. */
export function parseAmount(input: string | number): string | undefined {
  const cents = amountToCents(input);
  return cents === undefined ? undefined : centsToAmount(cents);
}

/** Like parseAmount, for input already validated at the edge: throws RangeError instead of answering undefined. */
export function normalizeAmount(input: string | number): string {
  const amount = parseAmount(input);
  if (amount === undefined) throw new RangeError('not a decimal amount with at most 10 integer and 2 fraction digits');
  return amount;
}

const cents = (amount: string): bigint => {
  const c = amountToCents(amount);
  if (c === undefined) throw new RangeError('not a decimal amount with at most 10 integer and 2 fraction digits');
  return c;
};

/** Compares two amounts exactly, whatever their scale: negative, zero or positive like a sort comparator. */
export function compareAmounts(a: string, b: string): number {
  const x = cents(a);
  const y = cents(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when the amount is strictly greater than zero. */
export function isPositiveAmount(amount: string): boolean {
  return cents(amount) > 0n;
}

/** The exact sum, canonical; throws RangeError when it leaves numeric(12,2). */
export function addAmounts(...amounts: string[]): string {
  return centsToAmount(amounts.reduce((sum, a) => sum + cents(a), 0n));
}

/**
 * The JSON number TMF `Money.value` carries (the official schema says number): a parse of the exact decimal,
 * never a computation. Every numeric(12,2) value has 12 significant digits at most, well inside a double's 15.
 */
export function amountToNumber(amount: string): number {
  return Number(normalizeAmount(amount));
}

/** Back from a TMF `Money.value` to the canonical string, through the number's shortest round-trip text. */
export function amountFromNumber(value: number): string {
  return normalizeAmount(value);
}
