// Walks the whole MSISDN table: every (state, trigger) pair is either the expected move or msisdn.transition.invalid.
import { PolicyViolation } from '@bss/policy';
import { describe, expect, it } from 'vitest';
import { MSISDN_STATES, msisdnStateMachine, type MsisdnStatus, type MsisdnTrigger } from './msisdn.state.ts';

const LEGAL: Record<string, MsisdnStatus> = {
  'available|reserve': 'reserved',
  'reserved|assign': 'assigned',
  'assigned|assign': 'assigned',
  'reserved|release': 'available',
  'assigned|release': 'available',
  'reserved|expire': 'available',
  'assigned|port_out': 'ported_out',
};

describe('MSISDN state machine', () => {
  const pairs = MSISDN_STATES.flatMap((s) => msisdnStateMachine.triggers.map((t) => [s, t] as [MsisdnStatus, MsisdnTrigger]));

  it.each(pairs)('%s --%s-->', (from, trigger) => {
    const expected = LEGAL[`${from}|${trigger}`];
    if (expected) {
      expect(msisdnStateMachine.transition(from, trigger)).toBe(expected);
      return;
    }
    try {
      msisdnStateMachine.transition(from, trigger, { msisdn: '90000001' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PolicyViolation);
      expect((err as PolicyViolation).rule).toBe('msisdn.transition.invalid');
      expect((err as PolicyViolation).context).toMatchObject({ msisdn: '90000001', from, trigger });
    }
  });

  it('has exactly the documented moves and ported_out is terminal', () => {
    expect(msisdnStateMachine.transitions).toHaveLength(Object.keys(LEGAL).length);
    expect(msisdnStateMachine.isTerminal('ported_out')).toBe(true);
    expect(MSISDN_STATES.filter((s) => msisdnStateMachine.isTerminal(s))).toEqual(['ported_out']);
  });
});
