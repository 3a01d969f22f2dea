// Card-on-file invariants. Pure checks: lookups (CRM status, counts, subscriptions) happen in the service.
// Rule ids follow the reference catalogue (domain-rules §3.6); messages never carry card data.
import { requirePolicy } from '@bss/policy';
import type { TokenizeResult } from '../adapters/provider.ts';
import { isCardExpired } from '../domain/card.ts';
import type { PaymentMethodRow } from '../schema.ts';

/** At most this many active methods per customer. */
export const MAX_ACTIVE_METHODS = 5;
const ADDABLE_CUSTOMER_STATUSES = ['active', 'pending'];

/** The customer must exist in CRM (`status` undefined = CRM answered 404). */
export function checkCustomerExists(status: string | undefined, customerId: string): asserts status is string {
  requirePolicy(status !== undefined, 'payment_method.add.customer_exists', `customer ${customerId} does not exist`, { customerId });
}

/** Only active or pending customers may register a card. */
export function checkCustomerActiveOrPending(status: string, customerId: string): void {
  requirePolicy(
    ADDABLE_CUSTOMER_STATUSES.includes(status),
    'payment_method.add.customer_active_or_pending',
    `customer ${customerId} is ${status}; cards can be added only for active or pending customers`,
    { customerId, status, allowed: ADDABLE_CUSTOMER_STATUSES },
  );
}

/** The card must not be past its expiry month at business time. */
export function checkCardNotExpired(expMonth: number, expYear: number, now: Date): void {
  requirePolicy(!isCardExpired(expMonth, expYear, now), 'payment_method.add.card_not_expired', `card expired ${expMonth}/${expYear}`, {
    expMonth,
    expYear,
  });
}

/** A customer holds at most MAX_ACTIVE_METHODS active methods. */
export function checkBelowMethodLimit(activeCount: number, customerId: string): void {
  requirePolicy(
    activeCount < MAX_ACTIVE_METHODS,
    'payment_method.add.at_most_n_methods',
    `customer ${customerId} already has ${activeCount} active payment methods (max ${MAX_ACTIVE_METHODS})`,
    { customerId, currentCount: activeCount, max: MAX_ACTIVE_METHODS },
  );
}

/** The provider must accept the card number (the number itself is never quoted back). */
export function checkCardAccepted(result: TokenizeResult): asserts result is Extract<TokenizeResult, { ok: true }> {
  requirePolicy(result.ok, 'payment_method.add.card_number_valid', 'the card number was refused by the payment provider', {
    providerReason: result.ok ? null : result.reason,
  });
}

/** Only an active method can be removed. */
export function checkRemovable(method: PaymentMethodRow): void {
  requirePolicy(method.status === 'active', 'payment_method.remove.already_removed', `payment method ${method.id} is ${method.status}`, {
    paymentMethodId: method.id,
    status: method.status,
  });
}

/**
 * The last active method cannot go while the customer has a live subscription (pending/active/blocked):
 * renewals and top-ups would otherwise fail silently later.
 */
export function checkNotLastWhileSubscribed(method: PaymentMethodRow, activeCount: number, liveSubscriptionIds: string[]): void {
  requirePolicy(
    activeCount > 1 || liveSubscriptionIds.length === 0,
    'payment_method.remove.not_last_if_active_subscription',
    `payment method ${method.id} is the last active method of customer ${method.customerId}, who has live subscriptions`,
    { paymentMethodId: method.id, customerId: method.customerId, subscriptionIds: liveSubscriptionIds },
  );
}

/** Only an active method can become the default. */
export function checkCanBeDefault(method: PaymentMethodRow): void {
  requirePolicy(method.status === 'active', 'payment_method.set_default.removed', `payment method ${method.id} is ${method.status}`, {
    paymentMethodId: method.id,
    status: method.status,
  });
}

/** A TMF670 create body must say whose card it is: `relatedParty.id` or an `account[].id` (the customer id). */
export function checkOwnerNamed(customerId: string | undefined): asserts customerId is string {
  requirePolicy(customerId !== undefined, 'payment_method.add.owner_required', 'name the owning customer in relatedParty.id (or account[0].id)', {});
}

/** `validFor` must not end before it starts. `rule` is the use-case's id (add or update). */
export function checkValidForOrdered(rule: string, from: Date | null | undefined, to: Date | null | undefined): void {
  requirePolicy(!from || !to || from.getTime() <= to.getTime(), rule, 'validFor.endDateTime is before validFor.startDateTime', {
    startDateTime: from?.toISOString() ?? null,
    endDateTime: to?.toISOString() ?? null,
  });
}

/** Only an active method can be changed. */
export function checkUpdatable(method: PaymentMethodRow): void {
  requirePolicy(method.status === 'active', 'payment_method.update.active', `payment method ${method.id} is ${method.status}`, {
    paymentMethodId: method.id,
    status: method.status,
  });
}

/**
 * The default cannot be unset directly: exactly one active method is preferred, so the way to move it is to make
 * another method preferred (or to remove this one, which promotes the newest remaining).
 */
export function checkPreferenceNotDropped(method: PaymentMethodRow, isPreferred: boolean | undefined): void {
  requirePolicy(
    !(isPreferred === false && method.isDefault),
    'payment_method.update.preferred_not_unset',
    `payment method ${method.id} is the default; make another method preferred instead`,
    { paymentMethodId: method.id },
  );
}
