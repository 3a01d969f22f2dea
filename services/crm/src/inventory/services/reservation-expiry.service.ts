// Reservation expiry: an MSISDN still `reserved`, or an eSIM still `reserved` with no subscription, whose
// reservation is older than the TTL (on the injected clock) returns to `available` with its links cleared
// and a `*.reservation_expired` event, so an order that died half-way does not hold stock forever.
// Each batch is one transaction over rows locked with SKIP LOCKED: a write in flight on a row (an assignment)
// keeps it, and two passes (replicas) never take the same row. Lock order stays number → profile.
import type { CrmDeps } from '../../deps.ts';
import { reservationTtlMs } from '../config.ts';
import { esimStateMachine, type EsimState } from '../domain/esim.state.ts';
import { msisdnStateMachine, type MsisdnStatus } from '../domain/msisdn.state.ts';
import { esimEvent, msisdnEvent } from '../events/inventory.events.ts';
import { findEsimBoundToMsisdnForUpdate, lockExpiredEsimReservations, updateEsim } from '../repositories/esim.repository.ts';
import { lockExpiredMsisdnReservations, updateMsisdn } from '../repositories/msisdn.repository.ts';

/** What one expiry pass returned to the pools. */
export interface ExpiryReport {
  msisdns: number;
  esims: number;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The instant before which (inclusive) a reservation has outlived the TTL. */
const cutoff = (deps: CrmDeps) => new Date(deps.clock.now().getTime() - reservationTtlMs(deps.config));

/** Expires one batch of MSISDN reservations; returns how many. */
export function expireMsisdnReservations(deps: CrmDeps, limit: number): Promise<number> {
  return deps.database.db.transaction(async (tx) => {
    const rows = await lockExpiredMsisdnReservations(tx, cutoff(deps), limit);
    const now = deps.clock.now();
    for (const row of rows) {
      const status = msisdnStateMachine.transition(row.status as MsisdnStatus, 'expire', { msisdn: row.msisdn });
      const esim = await findEsimBoundToMsisdnForUpdate(tx, row.msisdn);
      if (esim) await updateEsim(tx, esim.iccid, { assignedMsisdn: null, updatedAt: now });
      const expired = await updateMsisdn(tx, row.msisdn, {
        status,
        reservedAt: null,
        assignedToSubscriptionId: null,
        assignedToCustomerId: null,
        updatedAt: now,
      });
      await deps.outbox.stage(tx, msisdnEvent('reservation_expired', expired, { reservedAt: iso(row.reservedAt), unboundIccid: esim?.iccid ?? null }));
    }
    return rows.length;
  });
}

/** Expires one batch of eSIM reservations no subscription took; returns how many. */
export function expireEsimReservations(deps: CrmDeps, limit: number): Promise<number> {
  return deps.database.db.transaction(async (tx) => {
    const rows = await lockExpiredEsimReservations(tx, cutoff(deps), limit);
    const now = deps.clock.now();
    for (const row of rows) {
      const profileState = esimStateMachine.transition(row.profileState as EsimState, 'expire', { iccid: row.iccid, state: row.profileState });
      const expired = await updateEsim(tx, row.iccid, {
        profileState,
        assignedMsisdn: null,
        assignedToSubscriptionId: null,
        assignedToCustomerId: null,
        reservedAt: null,
        updatedAt: now,
      });
      await deps.outbox.stage(
        tx,
        esimEvent('reservation_expired', expired, { reservedAt: iso(row.reservedAt), previousMsisdn: row.assignedMsisdn, previousCustomerId: row.assignedToCustomerId }),
      );
    }
    return rows.length;
  });
}

/** One pass: numbers first, then profiles, batch after batch until a batch comes back short. */
export async function expireReservations(deps: CrmDeps, batchSize = 100): Promise<ExpiryReport> {
  const report: ExpiryReport = { msisdns: 0, esims: 0 };
  let n: number;
  do {
    n = await expireMsisdnReservations(deps, batchSize);
    report.msisdns += n;
  } while (n === batchSize);
  do {
    n = await expireEsimReservations(deps, batchSize);
    report.esims += n;
  } while (n === batchSize);
  if (report.msisdns + report.esims > 0) deps.logger.info(report, 'expired reservations returned to the pools');
  return report;
}
