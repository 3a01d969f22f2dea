// PaymentAttempt lifecycle as data: created `pending` for the single gateway call, then final forever.
// There is no transition out of a final state: no retries, no partial captures, no later rewrites.
import { defineStateMachine } from '@bss/policy';

export const paymentAttemptMachine = defineStateMachine({
  aggregate: 'payment',
  states: ['pending', 'approved', 'declined', 'errored'],
  triggers: ['approve', 'decline', 'error'],
  transitions: [
    { from: 'pending', trigger: 'approve', to: 'approved' },
    { from: 'pending', trigger: 'decline', to: 'declined' },
    { from: 'pending', trigger: 'error', to: 'errored' },
  ],
});

/** The trigger that records a gateway verdict. */
export function triggerFor(status: 'approved' | 'declined' | 'errored'): 'approve' | 'decline' | 'error' {
  return status === 'approved' ? 'approve' : status === 'declined' ? 'decline' : 'error';
}
