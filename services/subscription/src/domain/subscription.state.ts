// The subscription lifecycle as data. Activation creates the row `pending` and moves it to `active` in the same
// transaction (so `pending` is never seen from outside); a declined activation never creates a row, which is
// why there is no `fail_activate`. The later moves (exhaust, top-up, renewal, termination) are in the table now
// so every service and test agrees on them before their use-cases land.
import { defineStateMachine } from '@bss/policy';

export const SUBSCRIPTION_STATES = ['pending', 'active', 'blocked', 'terminated'] as const;
export type SubscriptionStateName = (typeof SUBSCRIPTION_STATES)[number];

export const subscriptionStateMachine = defineStateMachine({
  aggregate: 'subscription',
  states: SUBSCRIPTION_STATES,
  triggers: ['activate', 'exhaust', 'top_up', 'renew', 'renew_fail', 'terminate'],
  transitions: [
    { from: 'pending', trigger: 'activate', to: 'active' },
    { from: 'active', trigger: 'exhaust', to: 'blocked' },
    { from: 'blocked', trigger: 'top_up', to: 'active' },
    { from: 'active', trigger: 'top_up', to: 'active' },
    { from: 'active', trigger: 'renew', to: 'active' },
    // a blocked line renews too (the reference's table had no such move and refused after charging)
    { from: 'blocked', trigger: 'renew', to: 'active' },
    { from: 'active', trigger: 'renew_fail', to: 'blocked' },
    // a declined renewal of a line already blocked keeps it blocked (now for the renewal)
    { from: 'blocked', trigger: 'renew_fail', to: 'blocked' },
    { from: 'active', trigger: 'terminate', to: 'terminated' },
    { from: 'blocked', trigger: 'terminate', to: 'terminated' },
  ],
});
export type SubscriptionTrigger = (typeof subscriptionStateMachine.triggers)[number];
