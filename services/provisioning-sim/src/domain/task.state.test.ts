// Walks the whole provisioning-task transition table: every (state, trigger) pair, legal or not.
import { PolicyViolation } from '@bss/policy';
import { describe, expect, it } from 'vitest';
import { taskMachine } from './task.state.ts';

const LEGAL: Record<string, Record<string, string>> = {
  pending: { start: 'running' },
  running: { succeed: 'completed', fail_attempt: 'pending', fail: 'failed', hang: 'stuck' },
  failed: { retry: 'pending', abandon: 'abandoned' },
  stuck: { resolve: 'pending', abandon: 'abandoned' },
  completed: {},
  abandoned: {},
};

describe('provisioning task state machine', () => {
  it('walks every move: the legal ones land where the table says, every other one is refused', () => {
    let checked = 0;
    for (const from of taskMachine.states) {
      for (const trigger of taskMachine.triggers) {
        const expected = LEGAL[from]![trigger];
        expect(taskMachine.next(from, trigger), `${from} --${trigger}-->`).toBe(expected);
        if (expected === undefined) {
          expect(() => taskMachine.transition(from, trigger)).toThrow(PolicyViolation);
          try {
            taskMachine.transition(from, trigger);
          } catch (err) {
            expect((err as PolicyViolation).rule).toBe('provisioning_task.transition.invalid');
          }
        } else expect(taskMachine.transition(from, trigger)).toBe(expected);
        checked++;
      }
    }
    expect(checked).toBe(taskMachine.states.length * taskMachine.triggers.length);
  });

  it('completed and abandoned are final; failed and stuck wait for an operator', () => {
    expect(taskMachine.isTerminal('completed')).toBe(true);
    expect(taskMachine.isTerminal('abandoned')).toBe(true);
    expect(taskMachine.triggersFrom('failed')).toEqual(['retry', 'abandon']);
    expect(taskMachine.triggersFrom('stuck')).toEqual(['resolve', 'abandon']);
  });
});
