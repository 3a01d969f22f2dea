// The reconciler worker: wakes every interval and runs one reconciliation pass (see
// services/payment-reconciliation.service.ts for what a pass decides, on the injected clock).
import { createIntervalWorker, type IntervalWorker } from '@bss/server-kit';
import type { PaymentDeps } from '../deps.ts';
import { createPaymentReconciliation, type ReconcileReport } from '../services/payment-reconciliation.service.ts';

export function createPaymentReconciler(deps: PaymentDeps): IntervalWorker<ReconcileReport> {
  const { reconcileOnce } = createPaymentReconciliation(deps, { thresholdMs: deps.reconcileAfterMs });
  return createIntervalWorker({ name: 'payment.reconciler', intervalMs: deps.reconcileIntervalMs, logger: deps.logger, run: reconcileOnce });
}
