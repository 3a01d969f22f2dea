// ProvisioningTask lifecycle as data. An attempt starts (pending → running) and ends in the same transaction:
// completed, back to pending for the next automatic attempt, failed once the budget is spent, or stuck.
// Fallout is the operator's: a failed (retryable) task is retried or abandoned, a stuck one resolved or
// abandoned; retry and resolve put the same row back to pending with a fresh attempt budget.
import { defineStateMachine } from '@bss/policy';

export const taskMachine = defineStateMachine({
  aggregate: 'provisioning_task',
  states: ['pending', 'running', 'completed', 'failed', 'stuck', 'abandoned'],
  triggers: ['start', 'succeed', 'fail_attempt', 'fail', 'hang', 'retry', 'resolve', 'abandon'],
  transitions: [
    { from: 'pending', trigger: 'start', to: 'running' },
    { from: 'running', trigger: 'succeed', to: 'completed' },
    // A failed attempt with budget left: no event, the next attempt follows.
    { from: 'running', trigger: 'fail_attempt', to: 'pending' },
    // The final automatic attempt failed: permanently or retryably (the task's `permanent` flag).
    { from: 'running', trigger: 'fail', to: 'failed' },
    { from: 'running', trigger: 'hang', to: 'stuck' },
    { from: 'failed', trigger: 'retry', to: 'pending' },
    { from: 'stuck', trigger: 'resolve', to: 'pending' },
    { from: 'failed', trigger: 'abandon', to: 'abandoned' },
    { from: 'stuck', trigger: 'abandon', to: 'abandoned' },
  ],
});

export type TaskTrigger = (typeof taskMachine.triggers)[number];
