// Exact decimal handling for wire amounts: strings in, canonical 2-decimal strings out, no float ever.

/** Canonical form of a decimal string: "25" → "25.00", "025.5" → "25.50", "-0" → "0.00". */
export function normalizeAmount(amount: string): string {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) throw new RangeError('not a decimal amount with at most 2 decimals');
  const integer = match[2]!.replace(/^0+(?=\d)/, '');
  const fraction = (match[3] ?? '').padEnd(2, '0');
  const zero = /^0+$/.test(integer) && fraction === '00';
  return `${match[1] && !zero ? '-' : ''}${integer}.${fraction}`;
}

/** True when the (canonical) amount is strictly greater than zero. */
export function isPositiveAmount(amount: string): boolean {
  const canonical = normalizeAmount(amount);
  return !canonical.startsWith('-') && canonical !== '0.00';
}
