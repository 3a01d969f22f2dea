// The renewal worker: wakes every BSS_RENEWAL_TICK_MS and runs one sweep (services/renewal-sweep.service.ts
// decides what is due, on the injected clock; several replicas are safe).
import { createIntervalWorker, type IntervalWorker } from '@bss/server-kit';
import { renewalSettings } from '../config.ts';
import type { SubscriptionDeps } from '../deps.ts';
import { createRenewalSweep, RENEWAL_ACTOR, type SweepReport } from '../services/renewal-sweep.service.ts';

export function createRenewalWorker(deps: SubscriptionDeps): IntervalWorker<SweepReport> {
  const settings = renewalSettings(deps.platform.config.extra as Record<string, unknown>);
  const sweep = createRenewalSweep(deps, { reminderLookaheadMs: settings.reminderLookaheadMs });
  return createIntervalWorker({ name: RENEWAL_ACTOR, intervalMs: settings.tickMs, logger: deps.logger, run: sweep.runOnce });
}
