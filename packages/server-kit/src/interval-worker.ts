// A Worker that runs one bounded pass of background work (a reconciler, an expiry sweep) on a timer. The timer
// (or wake(), e.g. on a Postgres NOTIFY) only decides when to wake up; what is due is decided by the pass
// itself from the injected clock, so a scenario that advances the clock makes work due on the next wake-up,
// and tests call `runOnce()` directly.
import type { Logger } from '@bss/telemetry';
import { runWithContext, systemContext } from '@bss/telemetry';
import type { Worker } from './runtime.ts';

/** A worker whose single pass can also be run on demand. */
export interface IntervalWorker<R> extends Worker {
  /** Runs one pass now (as the worker's system actor) and returns its report; errors propagate. */
  runOnce(): Promise<R>;
  /**
   * Asks for a background pass now instead of at the next timer wake-up (e.g. on a Postgres NOTIFY). Wake-ups
   * coalesce: while a pass runs, any number of them cause exactly one more pass right after it.
   */
  wake(): void;
}

export interface IntervalWorkerOptions<R> {
  /** Actor recorded on everything the pass writes (events, logs), e.g. `payment.reconciler`. */
  name: string;
  /** Wall-clock pause between the end of one pass and the start of the next. */
  intervalMs: number;
  logger: Logger;
  run(): Promise<R>;
}

/** Passes never overlap: the next wake-up is scheduled only after the current pass settles. */
export function createIntervalWorker<R>(opts: IntervalWorkerOptions<R>): IntervalWorker<R> {
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> | undefined;
  let running = false;
  // A wake() arrived while a pass ran: what it announced may have been committed after that pass looked.
  let again = false;

  const runOnce = () => runWithContext(systemContext({ actor: opts.name }), opts.run);

  const tick = () => {
    timer = undefined;
    inFlight = runOnce()
      .catch((err: unknown) => opts.logger.error({ err, worker: opts.name }, 'background pass failed; retrying on the next wake-up'))
      .finally(() => {
        inFlight = undefined;
        if (!running) return;
        if (again) {
          again = false;
          tick();
        } else timer = setTimeout(tick, opts.intervalMs);
      });
  };

  return {
    runOnce,
    wake() {
      if (!running) return;
      if (inFlight) {
        again = true;
        return;
      }
      clearTimeout(timer);
      tick();
    },
    async start() {
      if (running) return;
      running = true;
      timer = setTimeout(tick, opts.intervalMs);
    },
    async stop() {
      running = false;
      again = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
  };
}
