// Walks the whole order transition table: every legal move and every illegal one.
import { PolicyViolation } from '@bss/policy';
import { describe, expect, it } from 'vitest';
import { OPEN_ORDER_STATES, orderMachine, stateFromFilter, TMF_ORDER_STATE } from './order.state.ts';

const legal: Record<string, string> = {
  'acknowledged|submit': 'in_progress',
  'acknowledged|cancel': 'cancelled',
  'in_progress|cancel': 'cancelled',
  'in_progress|complete': 'completed',
  'in_progress|fail': 'failed',
};

describe('order state machine', () => {
  it('walks every (state, trigger) pair: legal moves land where the table says, the rest are order.transition.invalid', () => {
    for (const from of orderMachine.states) {
      for (const trigger of orderMachine.triggers) {
        const expected = legal[`${from}|${trigger}`];
        expect(orderMachine.next(from, trigger)).toBe(expected);
        if (expected) expect(orderMachine.transition(from, trigger)).toBe(expected);
        else {
          try {
            orderMachine.transition(from, trigger, { orderId: 'ORD-x' });
            expect.unreachable();
          } catch (e) {
            expect(e).toBeInstanceOf(PolicyViolation);
            expect((e as PolicyViolation).rule).toBe('order.transition.invalid');
            expect((e as PolicyViolation).context).toMatchObject({ orderId: 'ORD-x', from, trigger });
          }
        }
      }
    }
  });

  it('completed, failed and cancelled are terminal; acknowledged and in_progress are the open states', () => {
    expect(orderMachine.states.filter((s) => orderMachine.isTerminal(s))).toEqual(['completed', 'failed', 'cancelled']);
    expect(OPEN_ORDER_STATES).toEqual(['acknowledged', 'in_progress']);
  });

  it('speaks TMF622 on the wire and reads either spelling in filters', () => {
    expect(TMF_ORDER_STATE.in_progress).toBe('inProgress');
    expect(stateFromFilter('inProgress')).toBe('in_progress');
    expect(stateFromFilter('in_progress')).toBe('in_progress');
    expect(stateFromFilter('Completed')).toBe('completed');
    expect(stateFromFilter('held')).toBeUndefined();
  });
});
