// Customer invariants (domain-rules §3.5): contact medium required, live emails unique, lifecycle legal, mediums
// owned by the customer, emails changed only through the verified change flow. Each check throws one rule id.
import type { Executor } from '@bss/db';
import { NotFound, requirePolicy } from '@bss/policy';
import type { NewMedium } from '../domain/customer.mapper.ts';
import { customerMachine, triggerForStatus, type CustomerStatus } from '../domain/customer.state.ts';
import { findLiveEmail } from '../repositories/customer.repository.ts';
import type { ContactMediumRow, CustomerRow } from '../schema.ts';

export function checkHasContactMedium(mediums: NewMedium[]): void {
  requirePolicy(mediums.length > 0, 'customer.create.requires_contact_medium', 'a customer needs at least one contact medium');
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

/** A customer keeps at least one live contact medium (create requires one; removal may not undo that). */
export function checkNotLastMedium(liveCount: number, customerId: string, cmId: string): void {
  requirePolicy(liveCount > 1, 'customer.contact.remove_last_medium', 'a customer must keep at least one contact medium', { customerId, cmId });
}
