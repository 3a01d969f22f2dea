// @bss/clock: the injected Clock (system, frozen, controllable) and duration parsing.
export { ControllableClock, frozenClock, parseDuration, systemClock, type Clock, type ClockState } from './clock.ts';
