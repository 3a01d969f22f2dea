// A released number in quarantine cannot be reserved until its quarantine ends (injected clock).
import { requirePolicy } from '@bss/policy';
import type { MsisdnRow } from '../schema.ts';

export const inQuarantine = (row: Pick<MsisdnRow, 'quarantinedUntil'>, now: Date): boolean => row.quarantinedUntil !== null && row.quarantinedUntil > now;

export function checkNotQuarantined(row: MsisdnRow, now: Date): void {
  requirePolicy(!inQuarantine(row, now), 'msisdn.reserve.quarantined', `MSISDN ${row.msisdn} is in quarantine until ${row.quarantinedUntil?.toISOString()}`, {
    msisdn: row.msisdn,
    quarantinedUntil: row.quarantinedUntil?.toISOString() ?? null,
  });
}

/** When a number released at `now` may be sold again: only a number that was in service is quarantined. */
export function quarantineEnd(previousStatus: string, now: Date, days: number): Date | null {
  return previousStatus === 'assigned' && days > 0 ? new Date(now.getTime() + days * 86_400_000) : null;
}
