// Plan changes and operator price migrations: both only SCHEDULE a pivot (pending offering + price id + the
// price amount snapshotted now + the effective instant), applied by the renewal at or after that instant —
// no proration, no charge now, the current bundle runs to the period end. Never terminate-and-recreate.
//   schedule — active line, another offering, nothing pending, target sellable now with an active price;
//              effective at next_renewal_at;
//   cancel   — clears a pending change or migration (a no-op when none);
//   migrate  — every active/blocked line on the offering gets the new price effective at
//              effectiveFrom + noticeDays; a line with a customer's own pending plan change keeps it (reported
//              as skipped: it leaves the offering anyway). One event per line.
import { catalog, type subscription as c } from '@bss/contracts';
import { NotFoundError, PolicyViolationError } from '@bss/clients';
import type { Tx } from '@bss/db';
import { NotFound } from '@bss/policy';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SubscriptionDeps } from '../deps.ts';
import { planChangeCancelled, planChangeScheduled, priceMigrationScheduled } from '../events/renewal.events.ts';
import { checkMigrationNotice, checkMigrationPrice, checkPlanChangeAllowed, checkTargetPrice, checkTargetSellable } from '../policies/plan-change.policies.ts';
import { lockSubscription } from '../repositories/lifecycle.repository.ts';
import { updateSubscription } from '../repositories/subscription.repository.ts';
import { inTenant } from '../repositories/tenant.ts';
import { subscription } from '../schema.ts';

const DAY_MS = 86_400_000;
const CLEAR = { pendingOfferingId: null, pendingOfferingPriceId: null, pendingEffectiveAt: null, pendingPriceAmount: null, pendingPriceCurrency: null, pendingKind: null };

export interface MigrationInput {
  offeringId: string;
  newPriceId: string;
  effectiveFrom: string;
  noticeDays: number;
}

export function createPlanChange(deps: SubscriptionDeps) {
  const { clock, outbox } = deps;
  const orUndefined = async <T>(read: Promise<T>): Promise<T | undefined> => {
    try {
      return await read;
    } catch (err) {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    }
  };

  async function schedule(tx: Tx, id: string, newOfferingId: string) {
    const sub = await lockSubscription(tx, id);
    if (!sub) throw new NotFound('subscription', id);
    checkPlanChangeAllowed(sub, newOfferingId);
    const now = clock.now();
    const target = await orUndefined(deps.catalog.getOffering(newOfferingId));
    checkTargetSellable(target, newOfferingId, now);
    let price: catalog.ProductOfferingPrice | undefined;
    let underlying: string | undefined;
    try {
      price = await deps.catalog.getActivePrice(newOfferingId, now.toISOString());
    } catch (err) {
      if (!(err instanceof PolicyViolationError || err instanceof NotFoundError)) throw err;
      underlying = err.reason;
    }
    checkTargetPrice(price, newOfferingId, underlying);
    const row = await updateSubscription(tx, id, {
      pendingOfferingId: newOfferingId,
      pendingOfferingPriceId: price.id,
      pendingPriceAmount: catalog.decimalFromMoney(price.price),
      pendingPriceCurrency: price.price.unit,
      pendingEffectiveAt: sub.nextRenewalAt ?? now,
      pendingKind: 'plan_change',
      updatedAt: now,
    });
    await outbox.stage(tx, planChangeScheduled(row));
    return row;
  }

  async function cancel(tx: Tx, id: string) {
    const sub = await lockSubscription(tx, id);
    if (!sub) throw new NotFound('subscription', id);
    if (sub.pendingOfferingId === null) return sub;
    const row = await updateSubscription(tx, id, { ...CLEAR, updatedAt: clock.now() });
    await outbox.stage(tx, planChangeCancelled(row, sub.pendingOfferingId, sub.pendingOfferingPriceId!));
    return row;
  }

  async function migrate(tx: Tx, input: MigrationInput): Promise<c.PriceMigrationResult> {
    const now = clock.now();
    const effectiveFrom = new Date(input.effectiveFrom);
    checkMigrationNotice(effectiveFrom, now);
    const [price, offering] = await Promise.all([orUndefined(deps.catalog.getPrice(input.newPriceId)), orUndefined(deps.catalog.getOffering(input.offeringId))]);
    checkMigrationPrice(price, offering, input);
    const effectiveAt = new Date(effectiveFrom.getTime() + input.noticeDays * DAY_MS);
    const lines = await tx
      .select()
      .from(subscription)
      .where(and(eq(subscription.offeringId, input.offeringId), inArray(subscription.state, ['active', 'blocked']), inTenant(subscription.tenantId)))
      .orderBy(asc(subscription.id))
      .for('update');
    const scheduled: string[] = [];
    const skipped: string[] = [];
    for (const line of lines) {
      if (line.pendingKind === 'plan_change') {
        skipped.push(line.id);
        continue;
      }
      const row = await updateSubscription(tx, line.id, {
        pendingOfferingId: input.offeringId,
        pendingOfferingPriceId: price.id,
        pendingPriceAmount: catalog.decimalFromMoney(price.price),
        pendingPriceCurrency: price.price.unit,
        pendingEffectiveAt: effectiveAt,
        pendingKind: 'price_migration',
        updatedAt: now,
      });
      await outbox.stage(tx, priceMigrationScheduled(row, input.noticeDays));
      scheduled.push(line.id);
    }
    return { count: scheduled.length, subscriptionIds: scheduled, skippedPendingPlanChange: skipped, effectiveAt: effectiveAt.toISOString() };
  }

  return { schedule, cancel, migrate };
}
