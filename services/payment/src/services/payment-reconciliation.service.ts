// Completes attempts left `pending` by a process that died between the gateway call and the verdict commit.
// Asking the gateway again is safe: each attempt's gateway key is its own id, so `lookup` returns exactly the
// verdict the lost call got. An attempt the gateway never saw was never charged; it is closed as `errored`
// (gateway_no_record) instead of being charged late, since the service never retries a charge.
// "Older than the threshold" is measured on the injected clock, so a scenario controls when attempts are due.
import type { GatewayResult } from '../adapters/provider.ts';
import type { PaymentDeps } from '../deps.ts';
import { listPendingAttemptsBefore } from '../repositories/payment-attempt.repository.ts';
import { recordVerdict } from './payment-verdict.ts';

/** What one reconciliation pass did. */
export interface ReconcileReport {
  /** Pending attempts older than the threshold that the pass looked at. */
  examined: number;
  /** Attempts this pass completed (each with its one `payment.*` event). */
  completed: number;
  /** Attempts left pending because the gateway could not be asked (next pass tries again). */
  unreachable: number;
}

/** Decline code of an attempt the gateway has no record of: nothing was charged. */
export const NO_GATEWAY_RECORD = 'gateway_no_record';

const NOT_CHARGED: GatewayResult = {
  status: 'errored',
  gatewayRef: null,
  declineCode: NO_GATEWAY_RECORD,
  declineReason: 'the charge never reached the payment gateway; nothing was charged',
};

export function createPaymentReconciliation(deps: PaymentDeps, opts: { thresholdMs: number; batchSize?: number }) {
  const batchSize = opts.batchSize ?? 100;

  /** One pass over up to `batchSize` stale pending attempts, oldest first. */
  async function reconcileOnce(): Promise<ReconcileReport> {
    const before = new Date(deps.clock.now().getTime() - opts.thresholdMs);
    const stale = await listPendingAttemptsBefore(deps.database.db, before, batchSize);
    const report: ReconcileReport = { examined: stale.length, completed: 0, unreachable: 0 };
    for (const attempt of stale) {
      let verdict: GatewayResult | undefined;
      try {
        verdict = (await deps.provider.gateway.lookup(attempt.id)) ?? NOT_CHARGED;
      } catch (err) {
        report.unreachable += 1;
        deps.logger.warn({ paymentId: attempt.id, error: (err as Error).message }, 'payment gateway lookup failed; attempt stays pending');
        continue;
      }
      // Another replica (or the original call, finishing late) may have recorded it meanwhile: first wins.
      const completed = await recordVerdict(deps, attempt, verdict);
      if (!completed) continue;
      report.completed += 1;
      deps.logger.info({ paymentId: completed.id, customerId: completed.customerId, status: completed.status }, 'pending payment attempt reconciled');
    }
    return report;
  }

  return { reconcileOnce };
}
