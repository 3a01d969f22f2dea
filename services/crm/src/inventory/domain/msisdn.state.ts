// The MSISDN lifecycle as data. Specific rule ids (msisdn.reserve.*, msisdn.release.*) are checked by the
// policies first; the table is the last word and refuses anything else with msisdn.transition.invalid.
import { defineStateMachine } from '@bss/policy';

export const MSISDN_STATES = ['available', 'reserved', 'assigned', 'ported_out'] as const;
export type MsisdnStatus = (typeof MSISDN_STATES)[number];

export const msisdnStateMachine = defineStateMachine({
  aggregate: 'msisdn',
  states: MSISDN_STATES,
  triggers: ['reserve', 'assign', 'release', 'port_out', 'expire'],
  transitions: [
    { from: 'available', trigger: 'reserve', to: 'reserved' },
    { from: 'reserved', trigger: 'assign', to: 'assigned' },
    // re-assigning to the same subscription is an idempotent replay (policy refuses a different one)
    { from: 'assigned', trigger: 'assign', to: 'assigned' },
    { from: 'reserved', trigger: 'release', to: 'available' },
    { from: 'assigned', trigger: 'release', to: 'available' },
    // a reservation never assigned within the TTL returns to the pool (the expiry worker)
    { from: 'reserved', trigger: 'expire', to: 'available' },
    // only a number in service can leave to another carrier; ported_out is terminal
    { from: 'assigned', trigger: 'port_out', to: 'ported_out' },
  ],
});
export type MsisdnTrigger = (typeof msisdnStateMachine.triggers)[number];
