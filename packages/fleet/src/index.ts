// @bss/fleet: start any set of services in one process (make up, end-to-end tests).
export { discoverServices, startFleet, type Fleet } from './fleet.ts';
