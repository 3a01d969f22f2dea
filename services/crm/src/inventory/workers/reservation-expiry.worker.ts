// The reservation-expiry worker: wakes every BSS_INVENTORY_EXPIRY_INTERVAL and runs one expiry pass (what is
// due is decided on the injected clock; see services/reservation-expiry.service.ts).
import { createIntervalWorker, type IntervalWorker } from '@bss/server-kit';
import type { CrmDeps } from '../../deps.ts';
import { expiryIntervalMs } from '../config.ts';
import { expireReservations, type ExpiryReport } from '../services/reservation-expiry.service.ts';

export function createReservationExpiryWorker(deps: CrmDeps, opts: { batchSize?: number } = {}): IntervalWorker<ExpiryReport> {
  return createIntervalWorker({
    name: 'inventory.reservation_expiry',
    intervalMs: expiryIntervalMs(deps.config),
    logger: deps.logger,
    run: () => expireReservations(deps, opts.batchSize),
  });
}
