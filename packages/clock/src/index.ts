// @bss/clock: the injected Clock (system, frozen, controllable) and duration parsing.
export {
  CLOCK_MAX_MS,
  CLOCK_MIN_MS,
  ClockRangeError,
  ControllableClock,
  frozenClock,
  MAX_DURATION_MS,
  parseDuration,
  systemClock,
  type Clock,
  type ClockState,
} from './clock.ts';
