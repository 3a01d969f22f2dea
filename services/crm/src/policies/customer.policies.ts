// Customer invariants (domain-rules §3.5): contact medium required where it matters (activation, KYC, ordering —
// not creation: a TMF629 customer may start pending with only a name and a party), live emails unique, lifecycle
// legal, mediums owned by the customer, emails changed only through the verified change flow, TMF629 attributes
// BSS does not own refused by name, deletion only without live subscriptions or open orders. One rule id per check.
import type { Executor } from '@bss/db';
import { NotFound, requirePolicy } from '@bss/policy';
import type { NewMedium } from '../domain/customer.mapper.ts';
import { customerMachine, triggerForStatus, type CustomerStatus } from '../domain/customer.state.ts';
import { findLiveEmail } from '../repositories/customer.repository.ts';
import type { ContactMediumRow, CustomerRow } from '../schema.ts';

/**
 * A customer that is activated, KYC-attested or ordered for needs a way to be reached. The rule id stays the
 * reference's (`customer.create.…`) although creation no longer applies it: agents and the CLI branch on it.
 */
export function checkHasContactMedium(liveMediumCount: number, context: Record<string, unknown> = {}): void {
  requirePolicy(liveMediumCount > 0, 'customer.create.requires_contact_medium', 'a customer needs at least one contact medium', context);
}

/** Creating a customer as `active` needs a contact medium (a pending one does not). */
export function checkCreateStatus(status: 'pending' | 'active', mediums: NewMedium[]): void {
  if (status === 'active') checkHasContactMedium(mediums.length, { status });
}

/**
 * TMF629 attributes BSS refuses rather than drops: a credit profile (principle 1: no credit check) and payment
 * methods (card-on-file is registered with the payment service's TMF670, which charges it), and a sub-class.
 */
export function checkTmfAttributesSupported(
  input: { paymentMethod?: unknown[]; creditProfile?: unknown[]; '@type'?: string },
  action: 'create' | 'update',
): void {
  requirePolicy(!input.creditProfile?.length, `customer.${action}.credit_profile_unsupported`, 'prepaid customers have no credit profile');
  requirePolicy(
    !input.paymentMethod?.length,
    `customer.${action}.payment_method_via_payment_api`,
    'payment methods are registered with the payment service (TMF670), not on the customer',
  );
  requirePolicy(
    input['@type'] === undefined || input['@type'] === 'Customer',
    `customer.${action}.type_unsupported`,
    `@type ${input['@type']} is not served (Customer only)`,
    { '@type': input['@type'] },
  );
}

/** A PATCH may send back a server-owned value (id, href, engagedParty, validFor.start, read-only characteristic) only unchanged. */
export function checkUnchanged(rule: string, attribute: string, sent: unknown, current: unknown, customerId: string): void {
  if (sent === undefined) return;
  requirePolicy(sameJson(sent, current), rule, `${attribute} cannot be changed on customer ${customerId}`, { customerId, attribute });
}

/** Order-insensitive structural equality of two JSON values (objects compared by sorted keys). */
function sameJson(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(norm) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([x], [y]) => x.localeCompare(y)).map(([k, x]) => [k, norm(x)])) : v;
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** Characteristics a PATCH may set: the person's names and birth date; kycStatus/customerSince are server-owned. */
export const WRITABLE_CHARACTERISTICS = ['givenName', 'familyName', 'dateOfBirth'] as const;
export const READ_ONLY_CHARACTERISTICS = ['kycStatus', 'customerSince'] as const;

export function checkCharacteristicKnown(name: string, customerId: string): void {
  const known = [...WRITABLE_CHARACTERISTICS, ...READ_ONLY_CHARACTERISTICS] as readonly string[];
  requirePolicy(known.includes(name), 'customer.update.characteristic_unknown', `characteristic ${name} is not a customer attribute (${known.join(', ')})`, {
    customerId,
    characteristic: name,
  });
}

/**
 * DELETE removes a customer only when nothing live hangs off it: no live subscription (asked of the subscription
 * service) and no open order (the order seam; see deps.orders).
 */
export function checkDeletable(c: CustomerRow, liveSubscriptionIds: string[], openOrderIds: string[]): void {
  requirePolicy(liveSubscriptionIds.length === 0, 'customer.delete.no_live_subscriptions', `customer ${c.id} still has ${liveSubscriptionIds.length} live subscription(s)`, {
    customerId: c.id,
    liveSubscriptions: liveSubscriptionIds,
  });
  requirePolicy(openOrderIds.length === 0, 'customer.delete.no_open_orders', `customer ${c.id} still has ${openOrderIds.length} open order(s)`, {
    customerId: c.id,
    openOrders: openOrderIds,
  });
}

/**
 * What an order for this customer needs from CRM (called by KYC today and by the order service through
 * GET /crm-api/v1/customer/{id}/orderability): an `active` or `pending` customer that can be reached.
 */
export function checkOrderable(c: CustomerRow, liveMediumCount: number): void {
  requirePolicy(c.status === 'active' || c.status === 'pending', 'customer.order.customer_active_or_pending', `customer ${c.id} is ${c.status}`, {
    customerId: c.id,
    status: c.status,
  });
  checkHasContactMedium(liveMediumCount, { customerId: c.id });
}

/** Every email in `emails` is free among live mediums (and not repeated within the request). */
export async function checkEmailsUnique(tx: Executor, emails: string[]): Promise<void> {
  const seen = new Set<string>();
  for (const email of emails) {
    const key = email.toLowerCase();
    requirePolicy(!seen.has(key), 'customer.create.email_unique', `email ${email} is given twice`, { email });
    seen.add(key);
    const taken = await findLiveEmail(tx, email);
    requirePolicy(!taken, 'customer.create.email_unique', `email ${email} is already in use`, { email });
  }
}

/** The path customer exists (404 with the rule id of the use-case, e.g. customer.update.not_found). */
export function requireCustomer(c: CustomerRow | undefined, customerId: string, rule: string): asserts c is CustomerRow {
  if (!c) throw new NotFound('customer', customerId, {}, { reason: rule });
}

/** The status move is in the lifecycle table; returns the trigger used. */
export function checkStatusTransition(c: CustomerRow, to: CustomerStatus): string {
  const trigger = triggerForStatus(c.status, to);
  customerMachine.transition(c.status, trigger, { customerId: c.id, to });
  return trigger;
}

/**
 * Leaving `active`, and closing from any status, is refused while the customer has live subscriptions. The
 * reference only guarded moves out of `active`, so a `pending` (or `suspended`) customer could be closed with
 * live lines.
 */
export function checkNoLiveSubscriptions(c: CustomerRow, to: CustomerStatus, liveSubscriptionIds: string[]): void {
  if (to === 'active' || (c.status !== 'active' && to !== 'closed')) return;
  requirePolicy(
    liveSubscriptionIds.length === 0,
    'customer.close.no_active_subscriptions',
    `customer ${c.id} still has ${liveSubscriptionIds.length} active or pending subscription(s)`,
    { customerId: c.id, activeSubscriptions: liveSubscriptionIds },
  );
}

/** The medium exists, is live and belongs to the customer's party (404 with `rule`). */
export function requireOwnMedium(m: ContactMediumRow | undefined, c: CustomerRow, cmId: string, rule: string): asserts m is ContactMediumRow {
  if (!m || m.partyId !== c.partyId || m.validTo !== null) {
    throw new NotFound('cm', cmId, { customerId: c.id }, { reason: rule, message: `contact medium ${cmId} not found on customer ${c.id}` });
  }
}

/** Email values change only through the verified email-change flow, never by a direct PATCH. */
export function checkNotEmailValueChange(m: ContactMediumRow, newValue: string | undefined): void {
  requirePolicy(
    m.mediumType !== 'email' || newValue === undefined || newValue === m.value,
    'customer.contact_medium.email_must_use_change_flow',
    'email addresses change through the verified email-change flow',
    { customerId: m.partyId, cmId: m.id },
  );
}

export function checkIndividualPatchHasFields(patch: Record<string, unknown>, customerId: string): void {
  requirePolicy(Object.values(patch).some((v) => v !== undefined), 'customer.individual.update.no_fields', 'nothing to update', { customerId });
}

/** A customer keeps at least one live contact medium once it has one (activation and KYC relied on it). */
export function checkNotLastMedium(liveCount: number, customerId: string, cmId: string): void {
  requirePolicy(liveCount > 1, 'customer.contact.remove_last_medium', 'a customer must keep at least one contact medium', { customerId, cmId });
}
