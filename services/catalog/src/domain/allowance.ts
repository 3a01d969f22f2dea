// Bundle allowances: the fixed unit of each allowance type, and the rows an admin-created offering gets.
import type { catalog } from '@bss/contracts';

type AllowanceType = catalog.AllowanceType;

/** Base unit of each allowance type (quantities are stored in it; -1 = unlimited). */
export const ALLOWANCE_UNITS: Record<AllowanceType, string> = { data: 'mb', voice: 'minutes', sms: 'count', data_roaming: 'mb' };

/** Display and wire order of allowances: data, voice, sms, roaming. */
export const ALLOWANCE_ORDER: readonly AllowanceType[] = ['data', 'voice', 'sms', 'data_roaming'];

const ID_SUFFIX: Record<AllowanceType, string> = { data: 'DATA', voice: 'VOICE', sms: 'SMS', data_roaming: 'ROAM' };

/** What an admin body says about allowances (null/omitted = no row). */
export interface AllowanceInput {
  dataMb?: number | null | undefined;
  voiceMinutes?: number | null | undefined;
  smsCount?: number | null | undefined;
  dataRoamingMb?: number | null | undefined;
}

/** A new allowance row. */
export interface NewAllowance {
  id: string;
  offeringId: string;
  allowanceType: AllowanceType;
  quantity: number;
  unit: string;
}

/** The allowance rows of an admin-created offering: `BA_<offeringId>_{DATA,VOICE,SMS,ROAM}`, one per given quantity. */
export function allowancesFor(offeringId: string, input: AllowanceInput): NewAllowance[] {
  const given: [AllowanceType, number | null | undefined][] = [
    ['data', input.dataMb],
    ['voice', input.voiceMinutes],
    ['sms', input.smsCount],
    ['data_roaming', input.dataRoamingMb],
  ];
  return given
    .filter((g): g is [AllowanceType, number] => typeof g[1] === 'number')
    .map(([type, quantity]) => ({
      id: `BA_${offeringId}_${ID_SUFFIX[type]}`,
      offeringId,
      allowanceType: type,
      quantity,
      unit: ALLOWANCE_UNITS[type],
    }));
}
