// The eSIM profile lifecycle as data: reserved → downloaded → activated, and recycle back to available so
// profiles are reused (v1.7 made `recycled` terminal and nothing moved profiles past reserved).
import { defineStateMachine } from '@bss/policy';

export const ESIM_STATES = ['available', 'reserved', 'downloaded', 'activated'] as const;
export type EsimState = (typeof ESIM_STATES)[number];

export const esimStateMachine = defineStateMachine({
  aggregate: 'esim',
  states: ESIM_STATES,
  triggers: ['reserve', 'assign_msisdn', 'download', 'activate', 'recycle', 'release', 'expire'],
  transitions: [
    { from: 'available', trigger: 'reserve', to: 'reserved' },
    { from: 'reserved', trigger: 'assign_msisdn', to: 'reserved' },
    { from: 'reserved', trigger: 'download', to: 'downloaded' },
    { from: 'downloaded', trigger: 'activate', to: 'activated' },
    // a downloaded-but-never-activated profile (declined activation) is recycled too
    { from: 'downloaded', trigger: 'recycle', to: 'available' },
    { from: 'activated', trigger: 'recycle', to: 'available' },
    { from: 'reserved', trigger: 'release', to: 'available' },
    // a reservation no subscription took within the TTL returns to the pool (the expiry worker)
    { from: 'reserved', trigger: 'expire', to: 'available' },
  ],
});
export type EsimTrigger = (typeof esimStateMachine.triggers)[number];
