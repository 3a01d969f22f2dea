// Building blocks shared by the TMF670 PaymentMethod and TMF676 Payment wire shapes.
import { z } from 'zod';
import { Instant, LIMITS, Text } from '../common/limits.ts';

/** An id as it may appear in a path, query or body: 1–64 safe characters (no control bytes, no slashes). */
export const ResourceId = z.string().max(64).regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, '1–64 characters of [A-Za-z0-9_.:-]');
export const CustomerId = ResourceId.describe('Customer id, e.g. CUST-1a2b3c4d');

/** A decimal amount with at most 2 decimals, e.g. "25.00" (sign allowed so the positive-amount rule can answer). */
export const Amount = z
  .string()
  .max(14)
  .regex(/^-?\d{1,10}(\.\d{1,2})?$/, 'a decimal string with at most 10 integer digits and 2 decimals, e.g. "25.00"')
  .describe('Decimal string, e.g. "25.00"; stored exactly as numeric(12,2)');

export const Currency = z.string().max(3).regex(/^[A-Z]{3}$/, 'ISO 4217 code');

/** The caller's idempotency key (shorthand `idempotencyKey`, TMF `correlatorId`). */
export const IdempotencyKey = z
  .string()
  .max(128)
  .regex(/^[A-Za-z0-9._:-]{8,128}$/, '8–128 characters of [A-Za-z0-9._:-]');

/** The TMF `@baseType`/`@schemaLocation`/`@type`/`@referredType` strings a client may send; kept bounded. */
const Meta = Text(LIMITS.line);
const Href = Text(LIMITS.line);

/** TMF reference attributes a client may send on any *Ref (we read only `id`). */
export const refExtras = {
  href: Href.optional(),
  name: Text(LIMITS.name).optional(),
  '@baseType': Meta.optional(),
  '@schemaLocation': Meta.optional(),
  '@type': Meta.optional(),
  '@referredType': Meta.optional(),
};

/** TMF AccountRef on input. */
export const AccountRefInput = z.object({ id: ResourceId, description: Text(LIMITS.line).optional(), ...refExtras });

/** TMF RelatedParty on input (`@referredType` is mandatory in the spec). */
export const RelatedPartyInput = z.object({ id: ResourceId, role: Text(LIMITS.name).optional(), ...refExtras, '@referredType': Meta });

/** TMF TimePeriod on input. */
export const TimePeriodInput = z.object({ startDateTime: Instant.optional(), endDateTime: Instant.optional() });

/** TMF references on output. */
export const Ref = z.object({ id: z.string(), href: z.string().optional(), name: z.string().optional(), role: z.string().optional(), '@referredType': z.string().optional() });
export const TimePeriod = z.object({ startDateTime: z.string().optional(), endDateTime: z.string().optional() });
