// The reconciliation sweep (operator backstop): every order in progress for longer than the threshold since
// it was submitted gets `order.stuck` once, in one transaction per pass. It never cancels, completes or fails
// an order: resolving a stuck order is an operator's decision. Measured from submit (the reference measured
// from order_date, so an order created long before its submit was flagged the moment it started).
import { currentContext, runWithContext } from '@bss/telemetry';
import type { ComDeps } from '../deps.ts';
import { orderEvents } from '../events/order.events.ts';
import { flagStuckOrders } from '../repositories/stuck-order.repository.ts';

export interface SweepReport {
  flagged: string[];
}

/** Orders flagged per pass at most; the rest wait for the next pass. */
const BATCH = 200;

export function createStuckSweep(deps: ComDeps) {
  return {
    async sweepOnce(): Promise<SweepReport> {
      const now = deps.clock.now();
      const before = new Date(now.getTime() - deps.stuckAfterMinutes * 60_000);
      const flagged = await deps.database.db.transaction(async (tx) => {
        const rows = await flagStuckOrders(tx, before, now, BATCH);
        for (const row of rows) {
          // The event belongs to the order's tenant, whichever tenant the sweeper's own context names.
          await runWithContext({ ...currentContext(), tenant: row.tenantId }, () => deps.outbox.stage(tx, orderEvents.stuck(row, deps.stuckAfterMinutes)));
        }
        return rows.map((r) => r.id);
      });
      if (flagged.length) deps.logger.warn({ orderIds: flagged, thresholdMinutes: deps.stuckAfterMinutes }, 'orders flagged stuck');
      return { flagged };
    },
  };
}
