// TMF629 PATCH planning: turns a merge-patch body into what changes (customer columns, the individual's names and
// birth date) after the attribute policies ran. Pure over the loaded view, so the service only locks, applies
// and records. Merge-patch replaces arrays; `characteristic` is the exception: its entries apply by name (the
// person's attributes are not a list a client can drop), and read-only entries may only be sent back unchanged.
import type { crm } from '@bss/contracts';
import { ValidationFailed } from '@bss/policy';
import { splitName, tmfRefsToStore, toTmfCustomer } from '../domain/customer.mapper.ts';
import {
  checkCharacteristicKnown,
  checkTmfAttributesSupported,
  checkUnchanged,
  READ_ONLY_CHARACTERISTICS,
} from '../policies/customer.policies.ts';
import type { CustomerView } from '../repositories/customer.repository.ts';
import type { customer, individual } from '../schema.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What a PATCH changes; `fields` names the TMF attributes it touched (for the event and the interaction). */
export interface CustomerPatchPlan {
  customer: Partial<typeof customer.$inferInsert>;
  individual: Partial<Pick<typeof individual.$inferInsert, 'givenName' | 'familyName' | 'dateOfBirth'>>;
  fields: string[];
}

/** Checks every attribute of `input` against its policy and returns the changes (status is planned by the service). */
export function planCustomerPatch(v: CustomerView, input: crm.CustomerPatch, href: string): CustomerPatchPlan {
  const id = v.customer.id;
  const current = toTmfCustomer(v.customer, v.individual, v.mediums, href);
  checkTmfAttributesSupported(input, 'update');
  checkUnchanged('customer.update.id_read_only', 'id', input.id, current.id, id);
  checkUnchanged('customer.update.id_read_only', 'href', input.href, current.href, id);
  checkUnchanged('customer.update.engaged_party_immutable', 'engagedParty', input.engagedParty, current.engagedParty, id);
  checkUnchanged('customer.update.valid_for_start_read_only', 'validFor.startDateTime', input.validFor?.startDateTime, current.validFor?.startDateTime, id);
  // Contact mediums have ids, an email-change flow and a last-medium rule: they change on
  // /crm-api/v1/customer/{id}/contact-medium. A PATCH may carry them back as served.
  checkUnchanged(
    'customer.update.contact_medium_via_contact_medium_api',
    'contactMedium',
    input.contactMedium?.map(({ mediumType, characteristic, preferred }) => ({ mediumType, characteristic, preferred })),
    current.contactMedium.map(({ mediumType, characteristic, preferred }) => ({ mediumType, characteristic, preferred })),
    id,
  );

  const plan: CustomerPatchPlan = { customer: {}, individual: {}, fields: [] };
  if (input.name !== undefined && input.name.trim() !== current.name) {
    const { givenName, familyName } = splitName(input.name);
    if (!givenName) throw new ValidationFailed('customer.update.name_required', 'name must not be blank');
    Object.assign(plan.individual, { givenName, familyName });
    plan.fields.push('name');
  }
  for (const ch of input.characteristic ?? []) {
    checkCharacteristicKnown(ch.name, id);
    if ((READ_ONLY_CHARACTERISTICS as readonly string[]).includes(ch.name)) {
      const served = current.characteristic.find((c) => c.name === ch.name)?.value;
      checkUnchanged('customer.update.characteristic_read_only', `characteristic ${ch.name}`, ch.value, served, id);
      continue;
    }
    if (typeof ch.value !== 'string' || ch.value.trim().length === 0) {
      throw new ValidationFailed('customer.update.characteristic_invalid', `characteristic ${ch.name} needs a non-empty string value`, { characteristic: ch.name });
    }
    const value = ch.value.trim();
    if (ch.name === 'dateOfBirth' && (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) {
      throw new ValidationFailed('customer.create.date_of_birth_invalid', 'dateOfBirth must be YYYY-MM-DD', { dateOfBirth: value });
    }
    plan.individual[ch.name as 'givenName'] = value;
    if (!plan.fields.includes('characteristic')) plan.fields.push('characteristic');
  }
  if (input.statusReason !== undefined) {
    plan.customer.statusReason = input.statusReason;
    plan.fields.push('statusReason');
  }
  if (input.validFor?.endDateTime !== undefined) {
    plan.customer.validTo = new Date(input.validFor.endDateTime);
    plan.fields.push('validFor');
  }
  if (input.relatedParty !== undefined || input.account !== undefined || input.agreement !== undefined) {
    plan.customer.tmfRefs = tmfRefsToStore(input, v.customer.tmfRefs);
    for (const k of ['relatedParty', 'account', 'agreement'] as const) if (input[k] !== undefined) plan.fields.push(k);
  }
  return plan;
}
