// One pass of the renewal worker (also run synchronously by POST /admin-api/v1/renewal/tick-now). Each line is
// handled in its own transaction that picks it with FOR UPDATE SKIP LOCKED, so several replicas sweep at once
// without ever handling a line twice, and a failure rolls back that line alone (it is picked again next pass).
// What is due is decided on the injected clock; each sweep's dedup is its own (see migration 0004):
//   due      — active, next_renewal_at <= now: renew (the row's next_renewal_at moves, or it is blocked);
//   skipped  — blocked, next_renewal_at <= now, not yet skipped for this boundary: renewal_skipped, no charge;
//   reminder — active, renewing within the lookahead, not yet reminded for this boundary: renewal_reminder;
//   expiry   — lines with a top-up expiry due: applied (may block an exhausted line).
import type { Tx } from '@bss/db';
import { runWithContext, systemContext } from '@bss/telemetry';
import { and, asc, eq, gt, isNull, lte, ne, notInArray, or, type SQL } from 'drizzle-orm';
import type { SubscriptionDeps } from '../deps.ts';
import { renewalReminder, renewalSkipped } from '../events/renewal.events.ts';
import { lockSubscription } from '../repositories/lifecycle.repository.ts';
import { updateSubscription } from '../repositories/subscription.repository.ts';
import { linesWithDueVas } from '../repositories/vas.repository.ts';
import { subscription } from '../schema.ts';
import { createRenewal } from './renewal.service.ts';
import { applyVasExpiry } from './vas-expiry.ts';

export const RENEWAL_ACTOR = 'subscription.renewal_worker';

export interface SweepReport {
  renewed: string[];
  declined: string[];
  skipped: string[];
  reminded: string[];
  vasExpiryApplied: string[];
  failed: { subscriptionId: string; error: string }[];
}

export interface SweepOptions {
  batchSize?: number;
  /** How long before next_renewal_at the reminder goes out; 0 turns reminders off. */
  reminderLookaheadMs: number;
}

export function createRenewalSweep(deps: SubscriptionDeps, opts: SweepOptions) {
  const { database, clock, outbox, logger } = deps;
  const renewal = createRenewal(deps);
  const batch = opts.batchSize ?? 100;

  /** Handles up to `batch` lines matching `where`, one transaction each; returns the ids handled. */
  async function sweep(report: SweepReport, where: (now: Date) => SQL, handle: (tx: Tx, id: string, now: Date) => Promise<string[] | void>) {
    const done: string[] = [];
    const skip: string[] = [];
    for (let i = 0; i < batch; i++) {
      let picked: { id: string; tenantId: string } | undefined;
      try {
        const more = await database.db.transaction(async (tx) => {
          const now = clock.now();
          [picked] = await tx
            .select({ id: subscription.id, tenantId: subscription.tenantId })
            .from(subscription)
            .where(and(where(now), skip.length ? notInArray(subscription.id, skip) : undefined))
            .orderBy(asc(subscription.nextRenewalAt), asc(subscription.id))
            .limit(1)
            .for('update', { skipLocked: true });
          if (!picked) return false;
          const row = picked;
          await runWithContext(systemContext({ actor: RENEWAL_ACTOR, tenant: row.tenantId, correlationId: row.id }), () => handle(tx, row.id, now));
          return true;
        });
        if (!more) break;
        done.push(picked!.id);
      } catch (err) {
        if (!picked) throw err;
        // This line alone failed (rolled back); it stays due and the next pass tries it again.
        skip.push(picked.id);
        report.failed.push({ subscriptionId: picked.id, error: (err as Error).message });
        logger.warn({ err, subscriptionId: picked.id }, 'renewal sweep: line failed, left for the next pass');
      }
    }
    return done;
  }

  async function runOnce(): Promise<SweepReport> {
    const report: SweepReport = { renewed: [], declined: [], skipped: [], reminded: [], vasExpiryApplied: [], failed: [] };

    // Top-up expiries first, so a line renews (or blocks) on what it really has left.
    for (const line of await linesWithDueVas(database.db, clock.now(), batch)) {
      await runWithContext(systemContext({ actor: RENEWAL_ACTOR, tenant: line.tenantId }), () =>
        database.db.transaction(async (tx) => {
          const sub = await lockSubscription(tx, line.subscriptionId);
          if (sub) await applyVasExpiry(tx, deps, sub, clock.now());
        }),
      );
      report.vasExpiryApplied.push(line.subscriptionId);
    }

    await sweep(
      report,
      (now) => and(eq(subscription.state, 'active'), lte(subscription.nextRenewalAt, now))!,
      async (tx, id) => {
        const r = await renewal.renew(tx, id, 'worker');
        (r.outcome === 'renewed' ? report.renewed : report.declined).push(id);
      },
    );

    await sweep(
      report,
      (now) =>
        and(eq(subscription.state, 'blocked'), lte(subscription.nextRenewalAt, now), or(isNull(subscription.renewalSkippedFor), ne(subscription.renewalSkippedFor, subscription.nextRenewalAt)))!,
      async (tx, id, now) => {
        const sub = (await lockSubscription(tx, id))!;
        const row = await updateSubscription(tx, id, { renewalSkippedFor: sub.nextRenewalAt, updatedAt: now });
        await outbox.stage(tx, renewalSkipped(row, now));
        report.skipped.push(id);
      },
    );

    if (opts.reminderLookaheadMs > 0) {
      await sweep(
        report,
        (now) =>
          and(
            eq(subscription.state, 'active'),
            gt(subscription.nextRenewalAt, now),
            lte(subscription.nextRenewalAt, new Date(now.getTime() + opts.reminderLookaheadMs)),
            or(isNull(subscription.renewalReminderSentFor), ne(subscription.renewalReminderSentFor, subscription.nextRenewalAt)),
          )!,
        async (tx, id, now) => {
          const sub = (await lockSubscription(tx, id))!;
          const row = await updateSubscription(tx, id, { renewalReminderSentFor: sub.nextRenewalAt, updatedAt: now });
          await outbox.stage(tx, renewalReminder(row));
          report.reminded.push(id);
        },
      );
    }
    return report;
  }

  return { runOnce };
}
