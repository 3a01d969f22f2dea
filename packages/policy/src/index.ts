// @bss/policy: domain errors, the error envelope and state machines as data.
export {
  Conflict,
  DomainError,
  DownstreamUnavailable,
  Forbidden,
  NotFound,
  PolicyViolation,
  requirePolicy,
  ValidationFailed,
} from './errors.ts';
export { envelope, ErrorEnvelope, REFERENCE_ERROR_BASE } from './envelope.ts';
export { defineStateMachine, type StateMachine, type Transition } from './state-machine.ts';
