// Invariants of creating (activating) a subscription. Pure checks over what the service looked up: state +
// input → ok or PolicyViolation with the rule id. The activation consumer turns a refusal into
// `subscription.activation_declined`; the operator route answers it as 422.
import type { inventory } from '@bss/contracts';
import { requirePolicy } from '@bss/policy';

/** Statuses a customer may be activated in (a closed or suspended customer gets no new line). */
const ACTIVATABLE_CUSTOMER = ['active', 'pending'];

export function checkCustomerActivatable(status: string | undefined, customerId: string): void {
  requirePolicy(status !== undefined, 'subscription.create.requires_customer', `customer ${customerId} does not exist`, { customerId });
  requirePolicy(ACTIVATABLE_CUSTOMER.includes(status), 'subscription.create.requires_customer', `customer ${customerId} is ${status}`, { customerId, status });
}

export function checkOfferingExists<T>(offering: T | undefined, offeringId: string): asserts offering is T {
  requirePolicy(offering !== undefined, 'subscription.create.requires_offering', `offering ${offeringId} does not exist`, { offeringId });
}

export function checkActivePrice<T>(price: T | undefined, offeringId: string): asserts price is T {
  requirePolicy(price !== undefined, 'subscription.create.requires_active_price', `offering ${offeringId} has no active recurring price`, { offeringId });
}

/**
 * The number and the profile are held for this activation: the number `reserved` (or already `assigned` to
 * this very subscription — a retry after the inventory write), the profile `reserved`, bound to no other
 * number, and owned by no other subscription or customer.
 */
export function checkMsisdnAndEsimReserved(
  number: inventory.Msisdn | undefined,
  esim: inventory.EsimProfile | undefined,
  ids: { msisdn: string; iccid: string; subscriptionId: string; customerId: string },
): void {
  const rule = 'subscription.create.msisdn_and_esim_reserved';
  requirePolicy(number !== undefined, rule, `MSISDN ${ids.msisdn} is not in the pool`, { msisdn: ids.msisdn });
  const numberHeld =
    (number.status === 'reserved' && (number.assignedToSubscriptionId ?? ids.subscriptionId) === ids.subscriptionId) ||
    (number.status === 'assigned' && number.assignedToSubscriptionId === ids.subscriptionId);
  requirePolicy(numberHeld, rule, `MSISDN ${ids.msisdn} is ${number.status}${number.assignedToSubscriptionId ? ` to ${number.assignedToSubscriptionId}` : ''}, not reserved`, {
    msisdn: ids.msisdn,
    status: number.status,
  });
  requirePolicy(esim !== undefined, rule, `eSIM ${ids.iccid} is not in the pool`, { iccid: ids.iccid });
  const esimHeld =
    esim.profileState === 'reserved' &&
    (esim.assignedMsisdn ?? ids.msisdn) === ids.msisdn &&
    (esim.assignedToSubscriptionId ?? ids.subscriptionId) === ids.subscriptionId &&
    (esim.assignedToCustomerId ?? ids.customerId) === ids.customerId;
  requirePolicy(esimHeld, rule, `eSIM ${ids.iccid} is ${esim.profileState}${esim.assignedMsisdn && esim.assignedMsisdn !== ids.msisdn ? ` and bound to ${esim.assignedMsisdn}` : ''}, not reserved for this line`, {
    iccid: ids.iccid,
    profileState: esim.profileState,
  });
}
