// The service (CFS and RFS) lifecycle as data: designed → reserved → activated → terminated, or failed before
// activation. RFS children follow their CFS: reserved at decomposition, activated, failed and terminated with it.
import { defineStateMachine } from '@bss/policy';

export const SERVICE_STATES = ['designed', 'reserved', 'activated', 'terminated', 'failed'] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

export const serviceStateMachine = defineStateMachine({
  aggregate: 'service',
  states: SERVICE_STATES,
  triggers: ['reserve', 'activate', 'fail', 'terminate'],
  transitions: [
    { from: 'designed', trigger: 'reserve', to: 'reserved' },
    { from: 'designed', trigger: 'fail', to: 'failed' },
    { from: 'reserved', trigger: 'activate', to: 'activated' },
    { from: 'reserved', trigger: 'fail', to: 'failed' },
    // a cancelled order's services end before they ever ran
    { from: 'designed', trigger: 'terminate', to: 'terminated' },
    { from: 'reserved', trigger: 'terminate', to: 'terminated' },
    // a declined activation tears the activated services down
    { from: 'activated', trigger: 'terminate', to: 'terminated' },
  ],
});
export type ServiceTrigger = (typeof serviceStateMachine.triggers)[number];
