// Walks the whole payment-attempt transition table.
import { PolicyViolation } from '@bss/policy';
import { describe, expect, it } from 'vitest';
import { paymentAttemptMachine, triggerFor } from './payment-attempt.state.ts';

describe('payment attempt state machine', () => {
  it('walks the whole table: only pending moves, and only to a final state', () => {
    for (const from of paymentAttemptMachine.states) {
      for (const trigger of paymentAttemptMachine.triggers) {
        const to = paymentAttemptMachine.next(from, trigger);
        if (from === 'pending') expect(to).toBe({ approve: 'approved', decline: 'declined', error: 'errored' }[trigger]);
        else expect(to).toBeUndefined();
      }
    }
    expect(paymentAttemptMachine.isTerminal('approved')).toBe(true);
    expect(paymentAttemptMachine.isTerminal('pending')).toBe(false);
  });

  it('refuses to rewrite a final attempt', () => {
    expect(() => paymentAttemptMachine.transition('declined', 'approve')).toThrow(PolicyViolation);
    expect(triggerFor('errored')).toBe('error');
  });
});
