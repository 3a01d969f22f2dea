// Wire shapes of the TMF629 Customer served by CRM, its create/patch inputs and the /crm-api contact-medium shapes.
// Given/family name, date of birth and KYC status travel as Customer.characteristic entries (see the CRM mapper).
import { z } from 'zod';
import { BoundedJsonValue, Instant, IsoDate, LIMITS, ScalarValue } from '../common/limits.ts';
import { FieldsQuery } from '../common/paging.ts';

const TimePeriod = z.object({ startDateTime: z.string().optional(), endDateTime: z.string().optional() });

/** TMF629 MediumCharacteristic (subset BSS fills). */
export const MediumCharacteristic = z.object({
  emailAddress: z.string().optional(),
  phoneNumber: z.string().optional(),
  street1: z.string().optional(),
  street2: z.string().optional(),
  city: z.string().optional(),
  postCode: z.string().optional(),
  country: z.string().optional(),
  contactType: z.string().optional(),
});

/** TMF629 ContactMedium as served (TMF v4 gives it no id: ids live on the /crm-api contact-medium routes). */
export const TmfContactMedium = z.object({
  mediumType: z.string().describe('email, phone or postal'),
  preferred: z.boolean().optional(),
  characteristic: MediumCharacteristic,
  validFor: TimePeriod.optional(),
  '@type': z.string().optional(),
});

/** TMF629 Characteristic: name/value pairs carrying BSS fields (givenName, familyName, dateOfBirth, kycStatus…). */
export const TmfCharacteristic = z.object({
  name: z.string(),
  value: z.unknown(),
  valueType: z.string().optional(),
});

/** TMF RelatedParty reference (as served: every attribute the official definition has). */
export const TmfRelatedParty = z.object({
  id: z.string(),
  href: z.string().optional(),
  name: z.string().optional(),
  role: z.string().optional(),
  '@baseType': z.string().optional(),
  '@schemaLocation': z.string().optional(),
  '@type': z.string().optional(),
  '@referredType': z.string(),
});

/** A TMF reference (AccountRef, AgreementRef, RelatedParty) as served: kept as the client sent it. */
export const TmfRef = z.object({
  id: z.string().optional(),
  href: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  role: z.string().optional(),
  '@baseType': z.string().optional(),
  '@schemaLocation': z.string().optional(),
  '@type': z.string().optional(),
  '@referredType': z.string().optional(),
});

/** A TMF629 Customer. */
export const Customer = z
  .object({
    id: z.string().describe('CUST-<8 hex>'),
    href: z.string(),
    name: z.string(),
    status: z.string().describe('pending | active | suspended | closed'),
    statusReason: z.string().optional(),
    engagedParty: TmfRelatedParty.describe('The party engaged as this customer: as the client sent it, or the Individual (PTY-…) CRM minted'),
    contactMedium: z.array(TmfContactMedium),
    characteristic: z.array(TmfCharacteristic).describe('givenName, familyName, dateOfBirth?, kycStatus, customerSince'),
    relatedParty: z.array(TmfRef).optional(),
    account: z.array(TmfRef).optional(),
    agreement: z.array(TmfRef).optional(),
    validFor: TimePeriod.optional(),
    '@type': z.literal('Customer'),
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof Customer>;

/** A Customer under a TMF `fields` projection: id, href and @type always, the rest as asked. */
export const CustomerFields = Customer.partial().required({ id: true, href: true, '@type': true }).meta({ id: 'CustomerFields' });
export type CustomerFields = z.infer<typeof CustomerFields>;


/** MediumCharacteristic on input: every field bounded. */
const MediumCharacteristicInput = z.object({
  emailAddress: z.string().max(LIMITS.email).optional(),
  phoneNumber: z.string().max(LIMITS.code).optional(),
  street1: z.string().max(LIMITS.name).optional(),
  street2: z.string().max(LIMITS.name).optional(),
  city: z.string().max(LIMITS.name).optional(),
  postCode: z.string().max(LIMITS.code).optional(),
  country: z.string().max(LIMITS.name).optional(),
  contactType: z.string().max(LIMITS.code).optional(),
});

/** Characteristic on input: a bounded name and a value that cannot nest (TMF types it "any"). */
const TmfCharacteristicInput = z.object({
  name: z.string().max(LIMITS.characteristicName),
  value: BoundedJsonValue,
  valueType: z.string().max(LIMITS.code).optional(),
});

/** A contact medium on input: TMF form (`characteristic.emailAddress|phoneNumber|street1`) or flat (`value`). */
export const ContactMediumInput = z.object({
  mediumType: z.string().min(1).max(40),
  value: z.string().min(1).max(320).optional(),
  characteristic: MediumCharacteristicInput.optional(),
  preferred: z.boolean().optional(),
  isPrimary: z.boolean().optional(),
});
export type ContactMediumInput = z.infer<typeof ContactMediumInput>;

const refString = (max: number) => z.string().max(max).optional();
/** A TMF reference on input (RelatedParty, AccountRef, AgreementRef): every string bounded. */
export const TmfRefInput = z.object({
  id: refString(LIMITS.id),
  href: refString(LIMITS.line),
  name: refString(LIMITS.name),
  description: refString(LIMITS.line),
  role: refString(LIMITS.code),
  '@baseType': refString(LIMITS.code),
  '@schemaLocation': refString(LIMITS.line),
  '@type': refString(LIMITS.code),
  '@referredType': refString(LIMITS.code),
});
export type TmfRefInput = z.infer<typeof TmfRefInput>;

/** TMF TimePeriod on input. */
const TimePeriodInput = z.object({ startDateTime: Instant.optional(), endDateTime: Instant.optional() });

/**
 * TMF629 lists BSS refuses with a policy (principle 1: no credit profile; card-on-file lives in payment's TMF670):
 * declared so the refusal names its rule instead of dropping them.
 */
const RefusedList = z.array(z.object({}).loose()).max(LIMITS.items);

/** The TMF629 attributes create and patch share. */
const customerWritable = {
  name: z.string().min(1).max(200).optional(),
  statusReason: z.string().min(1).max(500).optional(),
  // Extensions are tolerated as scalars (a TMF client may sub-class the reference) and not kept: a strict
  // RelatedParty has no place to serve them.
  engagedParty: TmfRefInput.catchall(ScalarValue).optional(),
  contactMedium: z.array(ContactMediumInput).max(20).optional(),
  characteristic: z.array(TmfCharacteristicInput).max(50).optional(),
  relatedParty: z.array(TmfRefInput).max(LIMITS.items).optional(),
  account: z.array(TmfRefInput).max(LIMITS.items).optional(),
  agreement: z.array(TmfRefInput).max(LIMITS.items).optional(),
  paymentMethod: RefusedList.optional(),
  creditProfile: RefusedList.optional(),
  validFor: TimePeriodInput.optional(),
  '@type': z.string().max(LIMITS.code).optional(),
  '@baseType': z.string().max(LIMITS.code).optional(),
  '@schemaLocation': z.string().max(LIMITS.line).optional(),
};

/**
 * Create body: accepts the official TMF629 `Customer_Create` (name, engagedParty, contactMedium[], characteristic[])
 * and the CLI/agent shorthand (givenName, familyName, email, phone, dateOfBirth). Both may be mixed.
 */
export const CustomerCreate = z
  .object({
    ...customerWritable,
    status: z.enum(['pending', 'active']).optional().describe('Default: active when a contact medium is given, else pending'),
    givenName: z.string().min(1).max(100).optional(),
    familyName: z.string().min(1).max(100).optional(),
    dateOfBirth: IsoDate.optional(),
    email: z.email().max(320).optional(),
    phone: z.string().max(24).regex(/^\+?[0-9 ()-]{4,24}$/).optional(),
  })
  .loose();
export type CustomerCreate = z.infer<typeof CustomerCreate>;

/**
 * TMF629 PATCH (`application/merge-patch+json`): every patchable attribute, each through its policy. Server-owned
 * values (id, href, kycStatus/customerSince characteristics, validFor.startDateTime, engagedParty) may be sent back
 * unchanged; characteristic entries apply by name.
 */
export const CustomerPatch = z.object({
  ...customerWritable,
  status: z.enum(['pending', 'active', 'suspended', 'closed']).optional(),
  id: z.string().max(LIMITS.id).optional(),
  href: z.string().max(LIMITS.line).optional(),
});
export type CustomerPatch = z.infer<typeof CustomerPatch>;

/** Name / date-of-birth update. */
export const IndividualPatch = z.object({
  givenName: z.string().min(1).max(100).optional(),
  familyName: z.string().min(1).max(100).optional(),
  dateOfBirth: IsoDate.optional(),
});
export type IndividualPatch = z.infer<typeof IndividualPatch>;

/** A contact medium as served on /crm-api (with its CM- id). */
export const ContactMediumEntry = z
  .object({
    id: z.string().describe('CM-<8 hex>'),
    mediumType: z.enum(['email', 'phone', 'postal']),
    value: z.string(),
    isPrimary: z.boolean(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
  })
  .meta({ id: 'ContactMediumEntry' });
export type ContactMediumEntry = z.infer<typeof ContactMediumEntry>;

/** Add-medium body (flat or TMF characteristic form). */
export const ContactMediumAdd = ContactMediumInput;
export type ContactMediumAdd = z.infer<typeof ContactMediumAdd>;

/** Update-medium body. */
export const ContactMediumPatch = z
  .object({ value: z.string().min(1).max(320).optional(), isPrimary: z.boolean().optional() })
  .refine((b) => b.value !== undefined || b.isPrimary !== undefined, 'value or isPrimary is required');
export type ContactMediumPatch = z.infer<typeof ContactMediumPatch>;

/** List filters for customers (TMF629 attribute filters + `fields`). */
export const CustomerListQuery = z.object({
  status: z.string().min(1).max(40).optional().describe('Lifecycle status, case-insensitive (pending, active, suspended, closed)'),
  name: z.string().min(1).max(100).optional().describe('Case-insensitive substring of given or family name'),
  'engagedParty.id': z.string().min(1).max(LIMITS.id).optional().describe('Id of the engaged party'),
  fields: FieldsQuery.shape.fields,
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(20),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;

/** Whether an order may be taken for a customer (asked by the order service); `reason` is the refusing rule id. */
export const CustomerOrderability = z
  .object({
    customerId: z.string(),
    orderable: z.boolean(),
    reason: z.string().optional().describe('Rule id, e.g. customer.create.requires_contact_medium'),
    message: z.string().optional(),
  })
  .meta({ id: 'CustomerOrderability' });
export type CustomerOrderability = z.infer<typeof CustomerOrderability>;
