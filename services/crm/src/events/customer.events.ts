// Event builders for the customer aggregate (domain-rules §4.3 names; payload keys are camelCase in this port).
import type { NewEvent } from '@bss/events';

const ev = (eventType: string, customerId: string, payload: Record<string, unknown>): NewEvent => ({
  eventType,
  aggregateType: 'customer',
  aggregateId: customerId,
  payload: { customerId, ...payload },
});

export const customerEvents = {
  created: (id: string, givenName: string, familyName: string, status: string) => ev('customer.created', id, { givenName, familyName, status }),
  updated: (id: string, fieldsUpdated: string[], from: string, to: string) => ev('customer.updated', id, { fieldsUpdated, fromStatus: from, toStatus: to }),
  mediumAdded: (id: string, cmId: string, mediumType: string) => ev('customer.contact_medium_added', id, { cmId, mediumType }),
  mediumUpdated: (id: string, cmId: string, mediumType: string) => ev('customer.contact_medium_updated', id, { cmId, mediumType }),
  mediumRemoved: (id: string, cmId: string, mediumType: string) => ev('customer.contact_medium_removed', id, { cmId, mediumType }),
  /** TMF DELETE: the customer is gone from every lookup (its rows stay as a tombstone). */
  deleted: (id: string, status: string) => ev('customer.deleted', id, { status }),
  individualUpdated: (id: string, fields: string[]) => ev('customer.individual_updated', id, { fields }),
  /** Never carries the document number (nor its hash). */
  kycAttested: (id: string, provider: string, documentType: string, documentCountry: string) =>
    ev('customer.kyc_attested', id, { provider, documentType, documentCountry, kycStatus: 'verified' }),
};
