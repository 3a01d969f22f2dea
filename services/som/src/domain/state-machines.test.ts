// Walks every (state, trigger) pair of SOM's three tables: each is the documented move or `<aggregate>.transition.invalid`.
import { PolicyViolation, type StateMachine } from '@bss/policy';
import { describe, expect, it } from 'vitest';
import { serviceOrderStateMachine } from './service-order.state.ts';
import { serviceStateMachine } from './service.state.ts';
import { taskStateMachine } from './task.state.ts';

const tables: [string, StateMachine<string, string>, Record<string, string>, string[]][] = [
  [
    'service order',
    serviceOrderStateMachine,
    {
      'acknowledged|start': 'in_progress',
      'acknowledged|fail': 'failed',
      'acknowledged|cancel': 'cancelled',
      'in_progress|complete': 'completed',
      'in_progress|fail': 'failed',
      'completed|tear_down': 'torn_down',
    },
    ['failed', 'cancelled', 'torn_down'],
  ],
  [
    'service',
    serviceStateMachine,
    {
      'designed|reserve': 'reserved',
      'designed|fail': 'failed',
      'designed|terminate': 'terminated',
      'reserved|activate': 'activated',
      'reserved|fail': 'failed',
      'reserved|terminate': 'terminated',
      'activated|terminate': 'terminated',
    },
    ['terminated', 'failed'],
  ],
  [
    'provisioning task',
    taskStateMachine,
    {
      'pending|complete': 'completed',
      'pending|fail': 'failed',
      'pending|stick': 'stuck',
      'failed|complete': 'completed',
      'failed|fail': 'failed',
      'failed|stick': 'stuck',
      'stuck|complete': 'completed',
      'stuck|fail': 'failed',
      'stuck|stick': 'stuck',
    },
    ['completed'],
  ],
];

describe.each(tables)('%s state machine', (_name, machine, legal, terminal) => {
  const pairs = machine.states.flatMap((s) => machine.triggers.map((t) => [s, t] as [string, string]));

  it.each(pairs)('%s --%s-->', (from, trigger) => {
    const expected = legal[`${from}|${trigger}`];
    if (expected) {
      expect(machine.transition(from, trigger)).toBe(expected);
      return;
    }
    expect(machine.next(from, trigger)).toBeUndefined();
    try {
      machine.transition(from, trigger, { id: 'X-1' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PolicyViolation);
      expect((err as PolicyViolation).rule).toBe(`${machine.aggregate}.transition.invalid`);
      expect((err as PolicyViolation).context).toMatchObject({ id: 'X-1', from, trigger });
    }
  });

  it('has exactly the documented moves and terminal states', () => {
    expect(machine.transitions).toHaveLength(Object.keys(legal).length);
    expect(machine.states.filter((s) => machine.isTerminal(s))).toEqual(terminal);
  });
});
