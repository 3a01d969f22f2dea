// Lifecycle of offerings and prices. TMF's lifecycleStatus is a free string; the catalog stores the two states
// its reads act on (active: may be sold / charged; retired: never again) and accepts them in any case. The
// tables are the whole story: retirement is one-way, because orders and subscriptions may still point at a
// retired plan and a revived one would quietly change what "retired" promised them.
import { defineStateMachine, requirePolicy } from '@bss/policy';

export const LIFECYCLE_STATES = ['active', 'retired'] as const;
export type Lifecycle = (typeof LIFECYCLE_STATES)[number];

const table = (aggregate: string) =>
  defineStateMachine({
    aggregate,
    states: LIFECYCLE_STATES,
    triggers: ['retire'],
    transitions: [{ from: 'active', trigger: 'retire', to: 'retired' }],
  });

/** `catalog.offering.transition.invalid` on an illegal move. */
export const offeringLifecycle = table('catalog.offering');
/** `catalog.price.transition.invalid` on an illegal move. */
export const priceLifecycle = table('catalog.price');

/**
 * The stored state a client's lifecycleStatus names (`Active`, `RETIRED`, …), or `<entity>.lifecycle_status.unsupported`
 * for any other value (e.g. `In design`, which nothing in the catalog would act on).
 */
export function parseLifecycle(entity: 'offering' | 'price', value: string): Lifecycle {
  const state = LIFECYCLE_STATES.find((s) => s === value.toLowerCase());
  requirePolicy(state !== undefined, `catalog.${entity}.lifecycle_status.unsupported`, `lifecycleStatus must be one of ${LIFECYCLE_STATES.join(', ')} (any case)`, {
    lifecycleStatus: value,
    allowed: [...LIFECYCLE_STATES],
  });
  return state!;
}

/** The state after a requested lifecycle change: unchanged, or through the table (one-way retirement). */
export function nextLifecycle(machine: typeof offeringLifecycle, from: Lifecycle, to: Lifecycle, context: Record<string, unknown>): Lifecycle {
  if (from === to) return from;
  // Only one trigger exists, so any change is a retire; the table refuses retired → active.
  return machine.transition(from, 'retire', { ...context, requested: to });
}
