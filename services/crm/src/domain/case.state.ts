// Case lifecycle as data (domain-rules §2.7). Guards (tickets done, resolution code) live in case.policies.ts.
import { defineStateMachine, PolicyViolation } from '@bss/policy';

export const caseMachine = defineStateMachine({
  aggregate: 'case',
  states: ['open', 'in_progress', 'pending_customer', 'resolved', 'closed'],
  triggers: ['take', 'await_customer', 'resume', 'resolve', 'close', 'cancel'],
  transitions: [
    { from: 'open', trigger: 'take', to: 'in_progress' },
    { from: 'in_progress', trigger: 'await_customer', to: 'pending_customer' },
    { from: 'pending_customer', trigger: 'resume', to: 'in_progress' },
    { from: 'open', trigger: 'resolve', to: 'resolved' },
    { from: 'in_progress', trigger: 'resolve', to: 'resolved' },
    { from: 'resolved', trigger: 'close', to: 'closed' },
    { from: 'open', trigger: 'cancel', to: 'closed' },
    { from: 'in_progress', trigger: 'cancel', to: 'closed' },
    { from: 'pending_customer', trigger: 'cancel', to: 'closed' },
  ],
});
export type CaseStateName = (typeof caseMachine.states)[number];
export type CaseTriggerName = (typeof caseMachine.triggers)[number];

/** The target state; throws `case.transition.valid_from_state` (the documented rule id) when illegal. */
export function nextCaseState(caseId: string, from: CaseStateName, trigger: CaseTriggerName): CaseStateName {
  const to = caseMachine.next(from, trigger);
  if (to === undefined) {
    throw new PolicyViolation('case.transition.valid_from_state', `cannot ${trigger} a case in state ${from}`, {
      caseId,
      currentState: from,
      trigger,
      allowed: caseMachine.triggersFrom(from),
    });
  }
  return to;
}
