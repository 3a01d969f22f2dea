// The injected clock. Business time comes only from here, so scenarios can freeze and advance it.
// This is the one module allowed to read the wall clock.

/** Anything that tells business time. */
export interface Clock {
  now(): Date;
}

/** A snapshot of a controllable clock, as served by `/admin-api/v1/clock/*`. */
export interface ClockState {
  mode: 'wall' | 'frozen';
  now: Date;
  offsetSeconds: number;
  frozenAt: Date | null;
}

/**
 * The instants a controllable clock may hold: 1970-01-01 to the end of year 9999. Past 9999 `toISOString()`
 * writes a six-digit `+010000-…` year no ISO-8601 schema (and so no response) accepts, and a clock left there
 * turned every later write into a 500; before 1970 is no business time of this system.
 */
export const CLOCK_MIN_MS = Date.UTC(1970, 0, 1);
export const CLOCK_MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** A move that would leave the clock outside [CLOCK_MIN_MS, CLOCK_MAX_MS]; the clock is left unchanged. */
export class ClockRangeError extends RangeError {
  override readonly name = 'ClockRangeError';
}

const inRange = (ms: number) => Number.isFinite(ms) && ms >= CLOCK_MIN_MS && ms <= CLOCK_MAX_MS;

/** Wall time, read in exactly one place. */
export const systemClock: Clock = { now: () => new Date(Date.now()) };

/**
 * A process-local clock in `wall` mode (wall time + accumulated offset) or `frozen` mode (a fixed instant).
 * `unfreeze` keeps the offset accumulated so far, so advancing then unfreezing never moves time backwards.
 */
export class ControllableClock implements Clock {
  #offsetMs = 0;
  #frozenAt: number | null = null;
  readonly #wall: () => number;

  constructor(wall: () => number = () => Date.now()) {
    this.#wall = wall;
  }

  now(): Date {
    // Moves are checked, so only the wall clock drifting past a bound could leave the range; clamp it.
    return new Date(Math.min(CLOCK_MAX_MS, Math.max(CLOCK_MIN_MS, this.#frozenAt ?? this.#wall() + this.#offsetMs)));
  }

  /** Freezes at `at`, or at the current instant when omitted; re-freezing moves the instant. */
  freeze(at?: Date): ClockState {
    const instant = at ? at.getTime() : this.now().getTime();
    if (!inRange(instant)) throw new ClockRangeError('the clock can only be frozen between 1970-01-01 and 9999-12-31');
    // Keep the offset consistent with the frozen instant so a later unfreeze resumes from there.
    this.#offsetMs = instant - this.#wall();
    this.#frozenAt = instant;
    return this.state();
  }

  unfreeze(): ClockState {
    if (this.#frozenAt !== null) this.#offsetMs = this.#frozenAt - this.#wall();
    this.#frozenAt = null;
    return this.state();
  }

  /** Moves time forward by `ms` (never backwards). */
  advance(ms: number): ClockState {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance takes a non-negative duration');
    if (!inRange(this.now().getTime() + ms)) throw new ClockRangeError('advancing by this much would move the clock past 9999-12-31');
    if (this.#frozenAt !== null) this.#frozenAt += ms;
    else this.#offsetMs += ms;
    return this.state();
  }

  state(): ClockState {
    return {
      mode: this.#frozenAt === null ? 'wall' : 'frozen',
      now: this.now(),
      offsetSeconds: this.#offsetMs / 1000,
      frozenAt: this.#frozenAt === null ? null : new Date(this.#frozenAt),
    };
  }
}

/** A clock stopped at `at`; for tests. */
export function frozenClock(at: Date | string): ControllableClock {
  const clock = new ControllableClock();
  clock.freeze(typeof at === 'string' ? new Date(at) : at);
  return clock;
}

const DURATION = /^\s*(\d{1,12})\s*([smhd])\s*$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Longest duration `parseDuration` accepts: 100 years of days. Scenarios move days or months, never more. */
export const MAX_DURATION_MS = 36_500 * UNIT_MS.d;

/** Parses `45s`, `15m`, `2h`, `30d` into milliseconds; `undefined` for anything else (no compounds, no weeks, nothing over 100 years). */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return ms <= MAX_DURATION_MS ? ms : undefined;
}
