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
    return new Date(this.#frozenAt ?? this.#wall() + this.#offsetMs);
  }

  /** Freezes at `at`, or at the current instant when omitted; re-freezing moves the instant. */
  freeze(at?: Date): ClockState {
    const instant = at ? at.getTime() : this.now().getTime();
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

const DURATION = /^\s*(\d+)\s*([smhd])\s*$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Parses `45s`, `15m`, `2h`, `30d` into milliseconds; `undefined` for anything else (no compounds, no weeks). */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
