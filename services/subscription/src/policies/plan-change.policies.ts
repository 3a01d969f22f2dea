// Invariants of scheduling a plan change and of an operator price migration: pure checks over the locked row
// and what catalog said → ok or PolicyViolation with the rule id.
import type { catalog } from '@bss/contracts';
import { requirePolicy } from '@bss/policy';
import type { SubscriptionRow } from '../schema.ts';

export function checkPlanChangeAllowed(sub: SubscriptionRow, newOfferingId: string): void {
  requirePolicy(sub.state === 'active', 'subscription.plan_change.not_eligible_state', `subscription ${sub.id} is ${sub.state}`, { subscriptionId: sub.id, state: sub.state });
  requirePolicy(sub.offeringId !== newOfferingId, 'subscription.plan_change.same_offering', `subscription ${sub.id} is already on ${newOfferingId}`, {
    currentOfferingId: sub.offeringId,
    newOfferingId,
  });
  requirePolicy(sub.pendingOfferingId === null, 'subscription.plan_change.already_pending', `subscription ${sub.id} already has a pending change to ${sub.pendingOfferingId}`, {
    pendingOfferingId: sub.pendingOfferingId,
    pendingKind: sub.pendingKind,
  });
}

/** The target is sellable now: it exists, is sellable and active, and `now` is inside its window. */
export function checkTargetSellable(offering: catalog.ProductOffering | undefined, newOfferingId: string, now: Date): asserts offering is catalog.ProductOffering {
  const t = now.getTime();
  const inWindow =
    offering !== undefined &&
    (!offering.validFor?.startDateTime || Date.parse(offering.validFor.startDateTime) <= t) &&
    (!offering.validFor?.endDateTime || t < Date.parse(offering.validFor.endDateTime));
  requirePolicy(
    offering !== undefined && offering.isSellable !== false && (offering.lifecycleStatus ?? 'active') === 'active' && inWindow,
    'subscription.plan_change.target_not_sellable_now',
    `offering ${newOfferingId} is not sellable now`,
    { newOfferingId },
  );
}

export function checkTargetPrice<T>(price: T | undefined, newOfferingId: string, underlying?: string): asserts price is T {
  requirePolicy(price !== undefined, 'subscription.plan_change.target_no_active_price', `offering ${newOfferingId} has no active price`, { newOfferingId, underlying: underlying ?? null });
}

export function checkMigrationPrice(price: catalog.ProductOfferingPrice | undefined, offering: catalog.ProductOffering | undefined, input: { offeringId: string; newPriceId: string }): asserts price is catalog.ProductOfferingPrice {
  requirePolicy(price !== undefined, 'subscription.migrate_price.unknown_price', `price ${input.newPriceId} does not exist`, { newPriceId: input.newPriceId });
  requirePolicy(
    offering !== undefined && offering.productOfferingPrice.some((p) => p.id === input.newPriceId),
    'subscription.migrate_price.price_not_on_offering',
    `price ${input.newPriceId} is not a price of ${input.offeringId}`,
    { newPriceId: input.newPriceId, offeringId: input.offeringId },
  );
}

/** The migration takes effect no earlier than the notice after now (customers are told first). */
export function checkMigrationNotice(effectiveFrom: Date, now: Date): void {
  requirePolicy(effectiveFrom.getTime() >= now.getTime(), 'subscription.migrate_price.effective_in_past', `effectiveFrom ${effectiveFrom.toISOString()} is before now`, {
    effectiveFrom: effectiveFrom.toISOString(),
    now: now.toISOString(),
  });
}
