// The rules an order is taken, submitted and cancelled under. Pure checks: the service looks the facts up
// (CRM, catalog, payment, SOM over HTTP; the order row under lock) and passes them in. Rule ids are the
// contract agents, the CLI and tests branch on.
import { PolicyViolation, requirePolicy } from '@bss/policy';
import type { CustomerStanding } from '../adapters/customer-directory.ts';
import type { PriceQuote } from '../adapters/offering-pricing.ts';
import type { SomCancelVerdict } from '../adapters/som-gate.ts';
import { SOM_CANCEL_FORBIDDEN } from '../adapters/som-gate.ts';

/** CRM's rule for "no way to reach the customer" (contact-medium policy, DECISIONS 2026-12-01 TMF629). */
const CRM_NO_CONTACT_MEDIUM = 'customer.create.requires_contact_medium';

/** The customer exists (CRM answered 404 otherwise). */
export function checkCustomerFound(standing: CustomerStanding | undefined, customerId: string): asserts standing is CustomerStanding {
  requirePolicy(standing, 'order.create.customer_not_found', `customer ${customerId} does not exist`, { customerId });
}

/** A closed customer takes no new orders. */
export function checkCustomerNotClosed(standing: CustomerStanding, customerId: string): void {
  requirePolicy(standing.status !== 'closed', 'order.create.customer_closed', `customer ${customerId} is closed`, { customerId, status: standing.status });
}

/** CRM's orderability: active or pending (not suspended) and reachable through a contact medium. */
export function checkCustomerOrderable(standing: CustomerStanding, customerId: string): void {
  if (standing.orderable) return;
  if (standing.reason === CRM_NO_CONTACT_MEDIUM) {
    throw new PolicyViolation('order.create.no_contact_medium', `customer ${customerId} has no contact medium to reach them on`, { customerId, underlying: standing.reason });
  }
  throw new PolicyViolation('order.create.customer_not_orderable', standing.message ?? `customer ${customerId} may not order (status ${standing.status})`, {
    customerId,
    status: standing.status,
    underlying: standing.reason ?? null,
  });
}

/** The offering exists and is sellable now with an active price; returns the price to snapshot. */
export function checkOfferingSellable(quote: PriceQuote, offeringId: string): Extract<PriceQuote, { kind: 'priced' }> {
  if (quote.kind === 'unknown_offering') throw new PolicyViolation('order.create.offering_not_found', `offering ${offeringId} does not exist`, { offeringId });
  if (quote.kind === 'not_sellable') {
    throw new PolicyViolation('policy.offering.not_sellable_now', `offering ${offeringId} is not sellable now`, {
      offeringId,
      underlying: quote.underlying,
      cause: quote.cause ?? null,
    });
  }
  return quote;
}

/** The customer has a card on file the activation will be charged to. */
export function checkHasPaymentMethod(paymentMethodId: string | undefined, customerId: string): asserts paymentMethodId is string {
  requirePolicy(paymentMethodId, 'order.create.no_payment_method', `customer ${customerId} has no active payment method`, { customerId });
}

/** Only `add` lines: a prepaid order activates a new line; changes to a line go through the subscription. */
export function checkActionSupported(action: string): void {
  requirePolicy(action === 'add', 'order.create.action_unsupported', `order item action ${action} is not supported (only add)`, { action });
}

/** The TMF body names exactly one customer (relatedParty with role customer). */
export function requireOneCustomer(customerIds: string[]): string {
  requirePolicy(customerIds.length > 0, 'order.create.customer_required', 'relatedParty must name the customer (role customer)', {});
  requirePolicy(new Set(customerIds).size === 1, 'order.create.one_customer', 'relatedParty names more than one customer', { customerIds });
  return customerIds[0]!;
}

/** Characteristics COM reads; any other name is refused rather than silently dropped. */
export const KNOWN_CHARACTERISTICS = ['msisdnPreference'] as const;

export function checkCharacteristicKnown(name: string): void {
  requirePolicy((KNOWN_CHARACTERISTICS as readonly string[]).includes(name), 'order.create.characteristic_unknown', `characteristic ${name} is not one COM reads`, {
    name,
    known: KNOWN_CHARACTERISTICS,
  });
}

/** SOM let the cancel through (it had not started, or it stopped); otherwise the order is past cancelling. */
export function checkSomAllowsCancel(verdict: SomCancelVerdict, orderId: string): void {
  if (verdict.outcome !== 'refused') return;
  throw new PolicyViolation(SOM_CANCEL_FORBIDDEN, `order ${orderId} can no longer be cancelled: service order ${verdict.serviceOrderId ?? '?'} has started`, {
    orderId,
    serviceOrderId: verdict.serviceOrderId,
    serviceOrderState: verdict.serviceOrderState,
  });
}

/** PATCH changes descriptive attributes only; the lifecycle, the line and the customer have their own rules. */
export function checkPatchable(patch: { state?: unknown; productOrderItem?: unknown; relatedParty?: unknown }, orderId: string): void {
  requirePolicy(patch.state === undefined, 'order.update.state_via_lifecycle', 'state changes through submit and cancelProductOrder, not PATCH', { orderId });
  requirePolicy(patch.productOrderItem === undefined, 'order.update.items_immutable', 'the order line is fixed once the order is taken', { orderId });
  requirePolicy(patch.relatedParty === undefined, 'order.update.customer_immutable', 'the ordering customer cannot change', { orderId });
}
