// Walks the whole eSIM table: every (state, trigger) pair is either the expected move or esim.transition.invalid.
import { PolicyViolation } from '@bss/policy';
import { describe, expect, it } from 'vitest';
import { ESIM_STATES, esimStateMachine, type EsimState, type EsimTrigger } from './esim.state.ts';

const LEGAL: Record<string, EsimState> = {
  'available|reserve': 'reserved',
  'reserved|assign_msisdn': 'reserved',
  'reserved|download': 'downloaded',
  'downloaded|activate': 'activated',
  'downloaded|recycle': 'available',
  'activated|recycle': 'available',
  'reserved|release': 'available',
  'reserved|expire': 'available',
};

describe('eSIM profile state machine', () => {
  const pairs = ESIM_STATES.flatMap((s) => esimStateMachine.triggers.map((t) => [s, t] as [EsimState, EsimTrigger]));

  it.each(pairs)('%s --%s-->', (from, trigger) => {
    const expected = LEGAL[`${from}|${trigger}`];
    if (expected) {
      expect(esimStateMachine.transition(from, trigger)).toBe(expected);
      return;
    }
    try {
      esimStateMachine.transition(from, trigger, { iccid: '8910101000000000001' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PolicyViolation);
      expect((err as PolicyViolation).rule).toBe('esim.transition.invalid');
      expect((err as PolicyViolation).context).toMatchObject({ iccid: '8910101000000000001', from, trigger });
    }
  });

  it('has exactly the documented moves and no terminal state: every profile cycles back to available', () => {
    expect(esimStateMachine.transitions).toHaveLength(Object.keys(LEGAL).length);
    expect(ESIM_STATES.filter((s) => esimStateMachine.isTerminal(s))).toEqual([]);
  });
});
