// The port request lifecycle as data. requested → (validated) → approved → completed, or rejected before
// approval. Approval is where inventory changes, so an approved port can no longer be rejected.
// Illegal moves keep the v1.7 rule id port_request.transition.valid (the CLI and agent branch on it).
import { defineStateMachine, PolicyViolation } from '@bss/policy';

export const PORT_REQUEST_STATES = ['requested', 'validated', 'approved', 'completed', 'rejected'] as const;
export type PortRequestState = (typeof PORT_REQUEST_STATES)[number];

export const portRequestStateMachine = defineStateMachine({
  aggregate: 'port_request',
  states: PORT_REQUEST_STATES,
  triggers: ['validate', 'approve', 'complete', 'reject'],
  transitions: [
    { from: 'requested', trigger: 'validate', to: 'validated' },
    { from: 'requested', trigger: 'approve', to: 'approved' },
    { from: 'validated', trigger: 'approve', to: 'approved' },
    { from: 'approved', trigger: 'complete', to: 'completed' },
    { from: 'requested', trigger: 'reject', to: 'rejected' },
    { from: 'validated', trigger: 'reject', to: 'rejected' },
  ],
});
export type PortRequestTrigger = (typeof portRequestStateMachine.triggers)[number];

/** States in which a request still holds its donor MSISDN (backed by uq_port_request_donor_pending). */
export const OPEN_PORT_STATES: readonly PortRequestState[] = ['requested', 'validated', 'approved'];

/** The next state, or port_request.transition.valid. */
export function nextPortState(id: string, from: PortRequestState, trigger: PortRequestTrigger): PortRequestState {
  const to = portRequestStateMachine.next(from, trigger);
  if (to === undefined) {
    throw new PolicyViolation('port_request.transition.valid', `cannot ${trigger} port request ${id} in state ${from}`, {
      portRequestId: id,
      from,
      trigger,
      allowed: portRequestStateMachine.triggersFrom(from),
    });
  }
  return to;
}
