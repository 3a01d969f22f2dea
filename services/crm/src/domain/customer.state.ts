// Customer lifecycle as data. PATCH names a target status; the trigger is derived from it, so the table is the
// only place that says which moves are legal (closed is terminal).
import { defineStateMachine } from '@bss/policy';

export const customerStates = ['pending', 'active', 'suspended', 'closed'] as const;
export type CustomerStatus = (typeof customerStates)[number];

export const customerMachine = defineStateMachine({
  aggregate: 'customer',
  states: customerStates,
  triggers: ['activate', 'suspend', 'resume', 'close'],
  transitions: [
    { from: 'pending', trigger: 'activate', to: 'active' },
    { from: 'active', trigger: 'suspend', to: 'suspended' },
    { from: 'suspended', trigger: 'resume', to: 'active' },
    { from: 'pending', trigger: 'close', to: 'closed' },
    { from: 'active', trigger: 'close', to: 'closed' },
    { from: 'suspended', trigger: 'close', to: 'closed' },
  ],
});
export type CustomerTrigger = (typeof customerMachine.triggers)[number];

/** The trigger that would move `from` to `to` (`activate` when no legal trigger exists, so the machine reports it). */
export function triggerForStatus(from: CustomerStatus, to: CustomerStatus): CustomerTrigger {
  const t = customerMachine.transitions.find((x) => x.from === from && x.to === to);
  if (t) return t.trigger;
  return to === 'active' ? 'activate' : to === 'suspended' ? 'suspend' : to === 'closed' ? 'close' : 'activate';
}
