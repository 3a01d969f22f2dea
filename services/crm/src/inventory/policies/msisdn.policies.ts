// Invariants of MSISDN pool writes. Pure checks: state + input → ok or PolicyViolation with the rule id.
import { requirePolicy } from '@bss/policy';
import type { MsisdnRow } from '../schema.ts';

export function checkReservable(row: MsisdnRow): void {
  requirePolicy(row.status === 'available', 'msisdn.reserve.status_must_be_available', `MSISDN ${row.msisdn} is ${row.status}, not available`, {
    msisdn: row.msisdn,
    status: row.status,
  });
}

export function requireNextAvailable<T>(row: T | undefined, preference: string | undefined): asserts row is T {
  requirePolicy(row !== undefined, 'msisdn.reserve.no_available', preference ? `no available MSISDN matches ${preference}` : 'the MSISDN pool has no available number', {
    preference: preference ?? null,
  });
}

/** Assign needs a reservation; re-assigning an assigned number is only a replay for the same subscription. */
export function checkAssignable(row: MsisdnRow, subscriptionId: string): void {
  const replay = row.status === 'assigned' && row.assignedToSubscriptionId === subscriptionId;
  requirePolicy(row.status === 'reserved' || replay, 'msisdn.assign.must_be_reserved', `MSISDN ${row.msisdn} is ${row.status}${row.status === 'assigned' ? ` to ${row.assignedToSubscriptionId}` : ''}, not reserved`, {
    msisdn: row.msisdn,
    status: row.status,
    assignedToSubscriptionId: row.assignedToSubscriptionId,
  });
}

export function checkReleasable(row: MsisdnRow): void {
  requirePolicy(row.status !== 'ported_out', 'msisdn.release.terminal_status', `MSISDN ${row.msisdn} was ported out and never returns to the pool`, {
    msisdn: row.msisdn,
    status: row.status,
  });
  requirePolicy(row.status === 'reserved' || row.status === 'assigned', 'msisdn.release.only_if_reserved_or_assigned', `MSISDN ${row.msisdn} is ${row.status}`, {
    msisdn: row.msisdn,
    status: row.status,
  });
}

/** Replenishment input: prefix all digits, 4–7 long, count 1–10000 (so numbers stay 8–11 digits). */
export function checkSaneRange(prefix: string, count: number): void {
  const rule = 'msisdn.add_range.sane_prefix';
  requirePolicy(/^[0-9]+$/.test(prefix), rule, 'prefix must be digits only', { prefix });
  requirePolicy(prefix.length >= 4 && prefix.length <= 7, rule, 'prefix must be 4–7 digits', { prefix, length: prefix.length });
  requirePolicy(count >= 1 && count <= 10_000, rule, 'count must be 1–10000', { count });
}

/** One number created through TMF639: digits only and as long as add-range's numbers (prefix 4–7 + 4 digits). */
export function checkSaneNumber(msisdn: string): void {
  const rule = 'msisdn.create.sane_number';
  requirePolicy(/^[0-9]+$/.test(msisdn), rule, 'an MSISDN is digits only', { msisdn });
  requirePolicy(msisdn.length >= 8 && msisdn.length <= 11, rule, 'an MSISDN is 8–11 digits (as add-range makes them)', { msisdn, length: msisdn.length });
}
