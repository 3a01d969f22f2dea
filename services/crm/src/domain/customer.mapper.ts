// TMF629 mapping for customers: request normalisation (TMF Customer_Create or CLI shorthand) and row → Customer.
//
// Decision — how given/family name and date of birth travel: CRM does not serve TMF632 (Party Management). The
// customer's Individual is referenced from `engagedParty` ({id: PTY-…, name, @referredType: 'Individual'}, no
// href because nothing serves it), and the person's attributes travel as TMF629 `characteristic` entries:
// `givenName`, `familyName`, `dateOfBirth` (YYYY-MM-DD), plus read-only `kycStatus` and `customerSince`. On input
// a client may send them that way, or as top-level shorthand (`givenName`, `familyName`, `dateOfBirth`, `email`,
// `phone`); when neither names the person, the TMF `name` (or `engagedParty.name`) is split at its last space.
// The client's own engagedParty (issue #9) is kept as sent — id, name, @referredType… — and served back; the PTY-
// party is minted only as the internal holder of the individual and its mediums, and named as the engagedParty id
// only when the client sent no id.
// Contact mediums follow TMF (`characteristic.emailAddress|phoneNumber|street1`, `preferred`); their CM- ids are
// served on /crm-api/v1/customer/{id}/contact-medium because TMF629 v4 ContactMedium has no id.
import type { crm } from '@bss/contracts';
import { omitEmpty } from '@bss/server-kit';
import { ValidationFailed } from '@bss/policy';
import type { ContactMediumRow, CustomerRow, CustomerTmfRefs, EngagedPartyRef, IndividualRow } from '../schema.ts';

/** TMF629 v4 base path of the customer resource. */
export const CUSTOMER_PATH = '/tmf-api/customerManagement/v4/customer';

export type MediumType = 'email' | 'phone' | 'postal';

/** A contact medium ready to insert. */
export interface NewMedium {
  mediumType: MediumType;
  value: string;
  isPrimary: boolean;
}

/** A create request reduced to what CRM stores. */
export interface NormalizedCustomer {
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  status: 'pending' | 'active';
  mediums: NewMedium[];
}

const RELATED_PARTY_KEYS = new Set(['id', 'href', 'name', 'role', '@baseType', '@schemaLocation', '@type', '@referredType']);

/** The engagedParty to store: the client's reference with its id (or the minted party id) and a @referredType. */
export function engagedPartyToStore(sent: crm.CustomerCreate['engagedParty'], mintedPartyId: string): EngagedPartyRef | null {
  if (!sent) return null;
  const kept = Object.fromEntries(Object.entries(sent).filter(([k, v]) => RELATED_PARTY_KEYS.has(k) && typeof v === 'string')) as Record<string, string>;
  return { ...kept, id: sent.id ?? mintedPartyId, '@referredType': sent['@referredType'] ?? 'Individual' };
}

/** The TMF629 reference lists worth storing (null when none was sent). */
export function tmfRefsToStore(input: Pick<crm.CustomerCreate, 'relatedParty' | 'account' | 'agreement'>, current: CustomerTmfRefs | null = null): CustomerTmfRefs | null {
  const refs: CustomerTmfRefs = { ...(current ?? {}) };
  for (const k of ['relatedParty', 'account', 'agreement'] as const) {
    const list = input[k];
    if (list === undefined) continue;
    if (list.length === 0) delete refs[k];
    else refs[k] = list.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as Record<string, string>);
  }
  return Object.keys(refs).length > 0 ? refs : null;
}

/** "Ada Lovelace" → given "Ada", family "Lovelace" (split at the last space). */
export function splitName(full: string): { givenName: string; familyName: string } {
  const t = full.trim();
  const cut = t.lastIndexOf(' ');
  return cut > 0 ? { givenName: t.slice(0, cut).trim(), familyName: t.slice(cut + 1) } : { givenName: t, familyName: '' };
}

const MEDIUM_ALIASES: Record<string, MediumType> = {
  email: 'email',
  emailaddress: 'email',
  phone: 'phone',
  mobile: 'phone',
  telephone: 'phone',
  phonenumber: 'phone',
  postal: 'postal',
  postaladdress: 'postal',
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{4,24}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `email` / `mobile` / `postalAddress` … → the stored medium type; 400 for anything else. */
export function mediumTypeOf(raw: string): MediumType {
  const t = MEDIUM_ALIASES[raw.toLowerCase()];
  if (!t) throw new ValidationFailed('customer.contact_medium.type_unknown', `unknown mediumType ${raw} (email, phone, postal)`, { mediumType: raw });
  return t;
}

/** Checks the value's shape for its type (400 on a malformed email/phone). */
export function checkMediumValue(type: MediumType, value: string): string {
  const v = value.trim();
  if (type === 'email' && !EMAIL.test(v)) throw new ValidationFailed('customer.contact_medium.value_invalid', 'not an email address', { mediumType: type });
  if (type === 'phone' && !PHONE.test(v)) throw new ValidationFailed('customer.contact_medium.value_invalid', 'not a phone number', { mediumType: type });
  if (v.length === 0) throw new ValidationFailed('customer.contact_medium.value_invalid', 'empty contact value', { mediumType: type });
  return v;
}

/** One input medium (flat `value` or TMF `characteristic`) → a storable medium. */
export function normalizeMedium(m: crm.ContactMediumInput): NewMedium {
  const mediumType = mediumTypeOf(m.mediumType);
  const c = m.characteristic ?? {};
  const fromCharacteristic =
    mediumType === 'email'
      ? c.emailAddress
      : mediumType === 'phone'
        ? c.phoneNumber
        : [c.street1, c.street2, c.city, c.postCode, c.country].filter(Boolean).join(', ') || undefined;
  const raw = m.value ?? fromCharacteristic;
  if (raw === undefined) {
    throw new ValidationFailed('customer.contact_medium.value_required', `contact medium ${m.mediumType} has no value`, { mediumType: m.mediumType });
  }
  return { mediumType, value: checkMediumValue(mediumType, raw), isPrimary: m.isPrimary ?? m.preferred ?? false };
}

function characteristicString(list: crm.CustomerCreate['characteristic'], name: string): string | undefined {
  const v = list?.find((c) => c.name === name)?.value;
  return typeof v === 'string' && v.trim().length > 0 ? v.trim() : undefined;
}

/** Reduces a TMF Customer_Create or CLI-shaped body to names, birth date and mediums (400 on what cannot be read). */
export function normalizeCustomerCreate(input: crm.CustomerCreate): NormalizedCustomer {
  let givenName = input.givenName ?? characteristicString(input.characteristic, 'givenName');
  let familyName = input.familyName ?? characteristicString(input.characteristic, 'familyName');
  if (!givenName && !familyName) {
    ({ givenName, familyName } = splitName(input.name ?? input.engagedParty?.name ?? ''));
  }
  if (!givenName && !familyName) {
    throw new ValidationFailed('customer.create.name_required', 'a customer needs a name (name, givenName/familyName or characteristic)');
  }
  const dateOfBirth = input.dateOfBirth ?? characteristicString(input.characteristic, 'dateOfBirth') ?? null;
  if (dateOfBirth !== null && (!DATE.test(dateOfBirth) || Number.isNaN(Date.parse(`${dateOfBirth}T00:00:00Z`)))) {
    throw new ValidationFailed('customer.create.date_of_birth_invalid', 'dateOfBirth must be YYYY-MM-DD', { dateOfBirth });
  }
  const mediums = (input.contactMedium ?? []).map(normalizeMedium);
  if (input.email) mediums.push({ mediumType: 'email', value: checkMediumValue('email', input.email), isPrimary: false });
  if (input.phone) mediums.push({ mediumType: 'phone', value: checkMediumValue('phone', input.phone), isPrimary: false });
  // At most one primary per type: the first flagged (or, for none flagged, the first of its type) wins.
  for (const type of ['email', 'phone', 'postal'] as const) {
    const ofType = mediums.filter((m) => m.mediumType === type);
    const first = ofType.find((m) => m.isPrimary) ?? ofType[0];
    for (const m of ofType) m.isPrimary = m === first;
  }
  // Without an explicit status a reachable customer starts active (as before), an unreachable one pending.
  const status = input.status ?? (mediums.length > 0 ? 'active' : 'pending');
  return { givenName: givenName ?? '', familyName: familyName ?? '', dateOfBirth, status, mediums };
}

/** The display name: "given family". */
export const fullName = (i: Pick<IndividualRow, 'givenName' | 'familyName'>) => `${i.givenName} ${i.familyName}`.trim();

function tmfMedium(m: ContactMediumRow): crm.Customer['contactMedium'][number] {
  const characteristic =
    m.mediumType === 'email' ? { emailAddress: m.value } : m.mediumType === 'phone' ? { phoneNumber: m.value } : { street1: m.value };
  return omitEmpty({
    mediumType: m.mediumType,
    preferred: m.isPrimary,
    characteristic,
    validFor: m.validFrom ? { startDateTime: m.validFrom.toISOString() } : undefined,
  });
}

/** Row set → TMF629 Customer (optional attributes omitted, never null). */
export function toTmfCustomer(c: CustomerRow, ind: IndividualRow, mediums: ContactMediumRow[], href: string): crm.Customer {
  const characteristic: crm.Customer['characteristic'] = [
    { name: 'givenName', value: ind.givenName, valueType: 'string' },
    { name: 'familyName', value: ind.familyName, valueType: 'string' },
  ];
  if (ind.dateOfBirth) characteristic.push({ name: 'dateOfBirth', value: ind.dateOfBirth, valueType: 'date' });
  characteristic.push({ name: 'kycStatus', value: c.kycStatus, valueType: 'string' });
  if (c.customerSince) characteristic.push({ name: 'customerSince', value: c.customerSince.toISOString(), valueType: 'dateTime' });
  return omitEmpty({
    id: c.id,
    href,
    name: fullName(ind),
    status: c.status,
    statusReason: c.statusReason,
    engagedParty: c.engagedParty ?? { id: c.partyId, name: fullName(ind), role: 'customer', '@referredType': 'Individual' },
    contactMedium: mediums.filter((m) => m.validTo === null).map(tmfMedium),
    characteristic,
    relatedParty: c.tmfRefs?.relatedParty,
    account: c.tmfRefs?.account,
    agreement: c.tmfRefs?.agreement,
    validFor: c.customerSince || c.validTo ? omitEmpty({ startDateTime: c.customerSince?.toISOString(), endDateTime: c.validTo?.toISOString() }) : undefined,
    '@type': 'Customer' as const,
  });
}

/** Row → the /crm-api contact-medium entry. */
export function toContactMediumEntry(m: ContactMediumRow): crm.ContactMediumEntry {
  return {
    id: m.id,
    mediumType: m.mediumType,
    value: m.value,
    isPrimary: m.isPrimary,
    validFrom: m.validFrom ? m.validFrom.toISOString() : null,
    validTo: m.validTo ? m.validTo.toISOString() : null,
  };
}
