// Allowance rows of admin-created offerings.
import { describe, expect, it } from 'vitest';
import { allowancesFor } from './allowance.ts';

describe('allowancesFor', () => {
  it('creates one row per given quantity with the fixed unit and a derived id', () => {
    expect(allowancesFor('PLAN_X', { dataMb: 2048, voiceMinutes: -1, smsCount: null, dataRoamingMb: 0 })).toEqual([
      { id: 'BA_PLAN_X_DATA', offeringId: 'PLAN_X', allowanceType: 'data', quantity: 2048, unit: 'mb' },
      { id: 'BA_PLAN_X_VOICE', offeringId: 'PLAN_X', allowanceType: 'voice', quantity: -1, unit: 'minutes' },
      { id: 'BA_PLAN_X_ROAM', offeringId: 'PLAN_X', allowanceType: 'data_roaming', quantity: 0, unit: 'mb' },
    ]);
    expect(allowancesFor('P', {})).toEqual([]);
  });
});
