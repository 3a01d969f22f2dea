import { describe, expect, it } from 'vitest';
import { PolicyViolation } from './errors.ts';
import { defineStateMachine } from './state-machine.ts';

const door = defineStateMachine({
  aggregate: 'door',
  states: ['open', 'closed', 'locked'],
  triggers: ['close', 'open', 'lock'],
  transitions: [
    { from: 'open', trigger: 'close', to: 'closed' },
    { from: 'closed', trigger: 'open', to: 'open' },
    { from: 'closed', trigger: 'lock', to: 'locked' },
  ],
});

describe('defineStateMachine', () => {
  it('follows legal transitions', () => {
    expect(door.transition('open', 'close')).toBe('closed');
    expect(door.next('closed', 'lock')).toBe('locked');
  });

  it('refuses illegal ones with <aggregate>.transition.invalid and the allowed triggers', () => {
    try {
      door.transition('open', 'lock', { doorId: 'D1' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PolicyViolation);
      const v = err as PolicyViolation;
      expect(v.rule).toBe('door.transition.invalid');
      expect(v.context).toEqual({ doorId: 'D1', from: 'open', trigger: 'lock', allowed: ['close'] });
    }
  });

  it('knows terminal states and the triggers available from a state', () => {
    expect(door.isTerminal('locked')).toBe(true);
    expect(door.isTerminal('open')).toBe(false);
    expect(door.triggersFrom('closed')).toEqual(['open', 'lock']);
  });
});
