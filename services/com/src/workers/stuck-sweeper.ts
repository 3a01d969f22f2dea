// The stuck-order sweeper worker: wakes every interval and runs one sweep (see services/stuck-sweep.service.ts;
// what is due is decided from the injected clock, so tests advance the clock and call runOnce()).
import { createIntervalWorker, type IntervalWorker } from '@bss/server-kit';
import type { ComDeps } from '../deps.ts';
import { createStuckSweep, type SweepReport } from '../services/stuck-sweep.service.ts';

export function createStuckSweeper(deps: ComDeps): IntervalWorker<SweepReport> {
  const { sweepOnce } = createStuckSweep(deps);
  return createIntervalWorker({ name: 'com.stuck-sweeper', intervalMs: deps.sweepIntervalMs, logger: deps.logger, run: sweepOnce });
}
