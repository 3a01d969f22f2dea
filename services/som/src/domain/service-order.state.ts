// The service order lifecycle as data. A decomposition creates the order `acknowledged` and moves it to
// `in_progress` once inventory is reserved (or to `failed` when inventory refuses). A cancel before SOM started
// inserts it directly as `cancelled` (a tombstone) — the one state entered without a move. `torn_down` is a
// completed order whose activation charge was declined: its services are terminated and inventory returned.
import { defineStateMachine } from '@bss/policy';

export const SERVICE_ORDER_STATES = ['acknowledged', 'in_progress', 'completed', 'failed', 'cancelled', 'torn_down'] as const;
export type ServiceOrderState = (typeof SERVICE_ORDER_STATES)[number];

export const serviceOrderStateMachine = defineStateMachine({
  aggregate: 'service_order',
  states: SERVICE_ORDER_STATES,
  triggers: ['start', 'complete', 'fail', 'cancel', 'tear_down'],
  transitions: [
    { from: 'acknowledged', trigger: 'start', to: 'in_progress' },
    // inventory refused (pool empty, number taken): permanent, so the commercial order fails instead of hanging
    { from: 'acknowledged', trigger: 'fail', to: 'failed' },
    { from: 'acknowledged', trigger: 'cancel', to: 'cancelled' },
    { from: 'in_progress', trigger: 'complete', to: 'completed' },
    { from: 'in_progress', trigger: 'fail', to: 'failed' },
    { from: 'completed', trigger: 'tear_down', to: 'torn_down' },
  ],
});
export type ServiceOrderTrigger = (typeof serviceOrderStateMachine.triggers)[number];
