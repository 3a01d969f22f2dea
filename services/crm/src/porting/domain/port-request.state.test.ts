// Walks the whole port request table: every (state, trigger) pair is the expected move or port_request.transition.valid.
import { PolicyViolation } from '@bss/policy';
import { describe, expect, it } from 'vitest';
import { nextPortState, PORT_REQUEST_STATES, portRequestStateMachine, type PortRequestState, type PortRequestTrigger } from './port-request.state.ts';

const LEGAL: Record<string, PortRequestState> = {
  'requested|validate': 'validated',
  'requested|approve': 'approved',
  'validated|approve': 'approved',
  'approved|complete': 'completed',
  'requested|reject': 'rejected',
  'validated|reject': 'rejected',
};

describe('port request state machine', () => {
  const pairs = PORT_REQUEST_STATES.flatMap((s) => portRequestStateMachine.triggers.map((t) => [s, t] as [PortRequestState, PortRequestTrigger]));

  it.each(pairs)('%s --%s-->', (from, trigger) => {
    const expected = LEGAL[`${from}|${trigger}`];
    if (expected) {
      expect(nextPortState('PORT-00000001', from, trigger)).toBe(expected);
      return;
    }
    try {
      nextPortState('PORT-00000001', from, trigger);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PolicyViolation);
      expect((err as PolicyViolation).rule).toBe('port_request.transition.valid');
      expect((err as PolicyViolation).context).toMatchObject({ portRequestId: 'PORT-00000001', from, trigger });
    }
  });

  it('has exactly the documented moves; completed and rejected are terminal', () => {
    expect(portRequestStateMachine.transitions).toHaveLength(Object.keys(LEGAL).length);
    expect(PORT_REQUEST_STATES.filter((s) => portRequestStateMachine.isTerminal(s))).toEqual(['completed', 'rejected']);
  });
});
