// Wire shapes of the TMF629 Customer served by CRM, its create/patch inputs and the /crm-api contact-medium shapes.
// Given/family name, date of birth and KYC status travel as Customer.characteristic entries (see the CRM mapper).
import { z } from 'zod';
import { BoundedJsonValue, IsoDate, LIMITS, ScalarValue } from '../common/limits.ts';

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

/** TMF RelatedParty reference. */
export const TmfRelatedParty = z.object({
  id: z.string(),
  href: z.string().optional(),
  name: z.string().optional(),
  role: z.string().optional(),
  '@referredType': z.string(),
  '@type': z.string().optional(),
});

/** A TMF629 Customer. */
export const Customer = z
  .object({
    id: z.string().describe('CUST-<8 hex>'),
    href: z.string(),
    name: z.string(),
    status: z.string().describe('pending | active | suspended | closed'),
    statusReason: z.string().optional(),
    engagedParty: TmfRelatedParty.describe('The Individual (PTY-…) engaged as this customer'),
    contactMedium: z.array(TmfContactMedium),
    characteristic: z.array(TmfCharacteristic).describe('givenName, familyName, dateOfBirth?, kycStatus, customerSince'),
    validFor: TimePeriod.optional(),
    '@type': z.literal('Customer'),
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof Customer>;

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

/**
 * Create body: accepts the official TMF629 `Customer_Create` (name, engagedParty, contactMedium[], characteristic[])
 * and the CLI/agent shorthand (givenName, familyName, email, phone, dateOfBirth). Both may be mixed.
 */
export const CustomerCreate = z
  .object({
    name: z.string().min(1).max(200).optional(),
    status: z.enum(['pending', 'active']).optional(),
    engagedParty: z
      .object({ id: z.string().max(LIMITS.id).optional(), name: z.string().max(LIMITS.name).optional(), '@referredType': z.string().max(LIMITS.code).optional() })
      .catchall(ScalarValue)
      .optional(),
    contactMedium: z.array(ContactMediumInput).max(20).optional(),
    characteristic: z.array(TmfCharacteristicInput).max(50).optional(),
    givenName: z.string().min(1).max(100).optional(),
    familyName: z.string().min(1).max(100).optional(),
    dateOfBirth: IsoDate.optional(),
    email: z.email().max(320).optional(),
    phone: z.string().max(24).regex(/^\+?[0-9 ()-]{4,24}$/).optional(),
    '@type': z.string().max(LIMITS.code).optional(),
  })
  .loose();
export type CustomerCreate = z.infer<typeof CustomerCreate>;

/** PATCH body for a customer: lifecycle status (policy-checked) and its reason. */
export const CustomerPatch = z
  .object({
    status: z.enum(['pending', 'active', 'suspended', 'closed']).optional(),
    statusReason: z.string().min(1).max(500).optional(),
  })
  .refine((b) => b.status !== undefined || b.statusReason !== undefined, 'status or statusReason is required');
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

/** List filters for customers. */
export const CustomerListQuery = z.object({
  status: z.enum(['pending', 'active', 'suspended', 'closed']).optional(),
  name: z.string().min(1).max(100).optional().describe('Case-insensitive substring of given or family name'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(20),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;
