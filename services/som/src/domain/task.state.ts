// What SOM knows of one provisioning task of its order, as data. `completed` is final: a late `stuck` or
// `failed` event of a task that completed (reordered delivery) is ignored. A failed (retryable) or stuck task
// may still complete after the operator retries or resolves it in provisioning, or fail again.
import { defineStateMachine } from '@bss/policy';

export const TASK_STATES = ['pending', 'completed', 'failed', 'stuck'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const taskStateMachine = defineStateMachine({
  aggregate: 'provisioning_task',
  states: TASK_STATES,
  triggers: ['complete', 'fail', 'stick'],
  transitions: [
    { from: 'pending', trigger: 'complete', to: 'completed' },
    { from: 'pending', trigger: 'fail', to: 'failed' },
    { from: 'pending', trigger: 'stick', to: 'stuck' },
    { from: 'failed', trigger: 'complete', to: 'completed' },
    // a retried task that fails again (or an abandoned one, whose permanent failure follows)
    { from: 'failed', trigger: 'fail', to: 'failed' },
    { from: 'failed', trigger: 'stick', to: 'stuck' },
    { from: 'stuck', trigger: 'complete', to: 'completed' },
    { from: 'stuck', trigger: 'fail', to: 'failed' },
    // a resolved task that hangs again
    { from: 'stuck', trigger: 'stick', to: 'stuck' },
  ],
});
export type TaskTrigger = (typeof taskStateMachine.triggers)[number];
