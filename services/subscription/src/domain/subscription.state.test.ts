// Walks the whole subscription transition table: every legal move lands where the table says, every other
// (state, trigger) pair is refused with subscription.transition.invalid.
import { PolicyViolation } from '@bss/policy';
import { describe, expect, it } from 'vitest';
import { subscriptionStateMachine as m } from './subscription.state.ts';

const LEGAL: Record<string, string> = {
  'pending|activate': 'active',
  'active|exhaust': 'blocked',
  'blocked|top_up': 'active',
  'active|top_up': 'active',
  'active|renew': 'active',
  'blocked|renew': 'active',
  'active|renew_fail': 'blocked',
  'blocked|renew_fail': 'blocked',
  'active|terminate': 'terminated',
  'blocked|terminate': 'terminated',
};

describe('subscription state machine', () => {
  it('walks every (state, trigger) pair', () => {
    for (const from of m.states) {
      for (const trigger of m.triggers) {
        const expected = LEGAL[`${from}|${trigger}`];
        expect(m.next(from, trigger), `${from} --${trigger}->`).toBe(expected);
        if (expected) expect(m.transition(from, trigger)).toBe(expected);
        else expect(() => m.transition(from, trigger)).toThrow(PolicyViolation);
      }
    }
  });

  it('names the rule and the allowed moves when refusing', () => {
    try {
      m.transition('terminated', 'renew', { subscriptionId: 'SUB-x' });
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ rule: 'subscription.transition.invalid', context: { subscriptionId: 'SUB-x', from: 'terminated', trigger: 'renew', allowed: [] } });
    }
    expect(m.isTerminal('terminated')).toBe(true);
    expect(m.isTerminal('pending')).toBe(false);
  });
});
