// Invariants of the lifecycle writes on an existing line (VAS top-up, renewal, termination): pure checks over
// the locked row and what the service looked up → ok or PolicyViolation with the rule id (HTTP 422).
import type { catalog, payment } from '@bss/contracts';
import { requirePolicy } from '@bss/policy';
import type { SubscriptionRow } from '../schema.ts';

const TOP_UP_TYPES = ['data', 'voice', 'sms', 'data_roaming'] as const;
export type TopUpType = (typeof TOP_UP_TYPES)[number];

/**
 * A top-up needs a live line. A line blocked for a declined renewal, or past its renewal boundary, needs the
 * renewal, not a top-up (the renewal would start a fresh bundle and wipe what was just bought).
 */
export function checkVasAllowed(sub: SubscriptionRow, now: Date): void {
  requirePolicy(sub.state === 'active' || sub.state === 'blocked', 'subscription.vas_purchase.not_if_terminated', `subscription ${sub.id} is ${sub.state}`, {
    subscriptionId: sub.id,
    state: sub.state,
  });
  requirePolicy(
    !(sub.state === 'blocked' && sub.stateReason === 'renewal_payment_declined'),
    'subscription.vas_purchase.renewal_required',
    `subscription ${sub.id} is blocked for a declined renewal: renew it first`,
    { subscriptionId: sub.id, state: sub.state, stateReason: sub.stateReason },
  );
  requirePolicy(sub.nextRenewalAt === null || sub.nextRenewalAt > now, 'subscription.vas_purchase.renewal_required', `subscription ${sub.id} is past its renewal date: renew it first`, {
    subscriptionId: sub.id,
    nextRenewalAt: sub.nextRenewalAt?.toISOString() ?? null,
  });
}

/** The VAS offering exists and tops up an allowance a line has. */
export function checkVasOffering(vas: catalog.VasOffering | undefined, vasOfferingId: string): asserts vas is catalog.VasOffering & { allowanceType: TopUpType; allowanceQuantity: number } {
  requirePolicy(vas !== undefined, 'subscription.vas_purchase.vas_offering_sellable', `VAS offering ${vasOfferingId} does not exist`, { vasOfferingId });
  requirePolicy(
    (TOP_UP_TYPES as readonly string[]).includes(vas.allowanceType ?? '') && vas.allowanceQuantity !== null && (vas.allowanceQuantity === -1 || vas.allowanceQuantity > 0),
    'subscription.vas_purchase.vas_offering_sellable',
    `VAS offering ${vasOfferingId} tops up no known allowance`,
    { vasOfferingId, allowanceType: vas.allowanceType, allowanceQuantity: vas.allowanceQuantity },
  );
}

/** The card a lifecycle charge uses: the customer's preferred active card, else the first active one. */
export function pickCardOnFile(methods: payment.PaymentMethod[]): payment.PaymentMethod | undefined {
  const active = methods.filter((m) => m.status === 'active');
  return active.find((m) => m.isPreferred) ?? active[0];
}

export function checkCardOnFile<T>(card: T | undefined, rule: string, customerId: string): asserts card is T {
  requirePolicy(card !== undefined, rule, `customer ${customerId} has no active card on file`, { customerId });
}
