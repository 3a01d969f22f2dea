// ProductOrder lifecycle as data. Create makes an `acknowledged` order; submit starts fulfilment; the
// consumers complete or fail it; cancel is free while acknowledged and goes through the SOM gate while in
// progress. completed, failed and cancelled are terminal. "Stuck" is a flag, never a state.
import { defineStateMachine } from '@bss/policy';

export const ORDER_STATES = ['acknowledged', 'in_progress', 'completed', 'failed', 'cancelled'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const orderMachine = defineStateMachine({
  aggregate: 'order',
  states: ORDER_STATES,
  triggers: ['submit', 'cancel', 'complete', 'fail'],
  transitions: [
    { from: 'acknowledged', trigger: 'submit', to: 'in_progress' },
    { from: 'acknowledged', trigger: 'cancel', to: 'cancelled' },
    { from: 'in_progress', trigger: 'cancel', to: 'cancelled' },
    { from: 'in_progress', trigger: 'complete', to: 'completed' },
    { from: 'in_progress', trigger: 'fail', to: 'failed' },
  ],
});
export type OrderTrigger = (typeof orderMachine.triggers)[number];

/** States an order is still open in (CRM's customer DELETE guard asks for these). */
export const OPEN_ORDER_STATES: readonly OrderState[] = ORDER_STATES.filter((s) => !orderMachine.isTerminal(s));

/** TMF622 ProductOrderStateType spelling of a state (the database and events use snake_case). */
export const TMF_ORDER_STATE: Record<OrderState, 'acknowledged' | 'inProgress' | 'completed' | 'failed' | 'cancelled'> = {
  acknowledged: 'acknowledged',
  in_progress: 'inProgress',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** The state a TMF622 (or snake_case) state filter names; undefined for a value no order can have. */
export function stateFromFilter(value: string): OrderState | undefined {
  const v = value.trim().toLowerCase();
  return ORDER_STATES.find((s) => s === v || TMF_ORDER_STATE[s].toLowerCase() === v);
}
