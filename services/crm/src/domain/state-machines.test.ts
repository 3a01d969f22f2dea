// Walks every (state, trigger) pair of the customer, case and ticket machines: each legal pair lands where the
// table says, each illegal pair throws the documented rule id.
import { PolicyViolation } from '@bss/policy';
import { describe, expect, it } from 'vitest';
import { caseMachine, nextCaseState } from './case.state.ts';
import { customerMachine, triggerForStatus } from './customer.state.ts';
import { nextTicketState, ticketMachine } from './ticket.state.ts';

const ruleOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(PolicyViolation);
    return (err as PolicyViolation).rule;
  }
};

describe('customer lifecycle', () => {
  const legal: Record<string, string> = {
    'pending|activate': 'active',
    'pending|close': 'closed',
    'active|suspend': 'suspended',
    'active|close': 'closed',
    'suspended|resume': 'active',
    'suspended|close': 'closed',
  };
  for (const s of customerMachine.states) {
    for (const t of customerMachine.triggers) {
      const key = `${s}|${t}`;
      it(`${key} → ${legal[key] ?? 'customer.transition.invalid'}`, () => {
        if (legal[key]) expect(customerMachine.transition(s, t)).toBe(legal[key]);
        else expect(ruleOf(() => customerMachine.transition(s, t))).toBe('customer.transition.invalid');
      });
    }
  }
  it('derives the trigger from the target status', () => {
    expect(triggerForStatus('suspended', 'active')).toBe('resume');
    expect(triggerForStatus('pending', 'active')).toBe('activate');
    expect(triggerForStatus('active', 'suspended')).toBe('suspend');
    expect(triggerForStatus('closed', 'active')).toBe('activate');
    expect(customerMachine.isTerminal('closed')).toBe(true);
  });
});

describe('case machine (domain-rules §2.7)', () => {
  const legal: Record<string, string> = {
    'open|take': 'in_progress',
    'in_progress|await_customer': 'pending_customer',
    'pending_customer|resume': 'in_progress',
    'open|resolve': 'resolved',
    'in_progress|resolve': 'resolved',
    'resolved|close': 'closed',
    'open|cancel': 'closed',
    'in_progress|cancel': 'closed',
    'pending_customer|cancel': 'closed',
  };
  for (const s of caseMachine.states) {
    for (const t of caseMachine.triggers) {
      const key = `${s}|${t}`;
      it(`${key} → ${legal[key] ?? 'case.transition.valid_from_state'}`, () => {
        if (legal[key]) expect(nextCaseState('CASE-1', s, t)).toBe(legal[key]);
        else expect(ruleOf(() => nextCaseState('CASE-1', s, t))).toBe('case.transition.valid_from_state');
      });
    }
  }
  it('has exactly the documented transitions and closed is terminal', () => {
    expect(caseMachine.transitions).toHaveLength(Object.keys(legal).length);
    expect(caseMachine.isTerminal('closed')).toBe(true);
  });
});

describe('ticket machine (domain-rules §2.8)', () => {
  const legal: Record<string, string> = {
    'open|ack': 'acknowledged',
    'acknowledged|start': 'in_progress',
    'in_progress|wait': 'pending',
    'pending|resume': 'in_progress',
    'in_progress|resolve': 'resolved',
    'resolved|close': 'closed',
    'resolved|reopen': 'in_progress',
    'open|cancel': 'cancelled',
    'acknowledged|cancel': 'cancelled',
    'in_progress|cancel': 'cancelled',
    'pending|cancel': 'cancelled',
  };
  for (const s of ticketMachine.states) {
    for (const t of ticketMachine.triggers) {
      const key = `${s}|${t}`;
      const expectedRule = t === 'cancel' ? 'ticket.cancel.not_if_resolved_or_closed' : 'ticket.transition.valid_from_state';
      it(`${key} → ${legal[key] ?? expectedRule}`, () => {
        if (legal[key]) expect(nextTicketState('TKT-1', s, t)).toBe(legal[key]);
        else expect(ruleOf(() => nextTicketState('TKT-1', s, t))).toBe(expectedRule);
      });
    }
  }
  it('has exactly the documented transitions; closed and cancelled are terminal', () => {
    expect(ticketMachine.transitions).toHaveLength(Object.keys(legal).length);
    expect(ticketMachine.isTerminal('closed')).toBe(true);
    expect(ticketMachine.isTerminal('cancelled')).toBe(true);
  });
});
