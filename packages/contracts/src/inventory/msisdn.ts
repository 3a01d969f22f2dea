// Wire shapes of the MSISDN pool (/inventory-api/v1/msisdn…). camelCase, nulls for unset links.
import { z } from 'zod';
import { IdempotencyKey } from '../common/idempotency.ts';
import { PageQuery } from '../common/paging.ts';

export const MsisdnStatus = z.enum(['available', 'reserved', 'assigned', 'ported_out']);
export type MsisdnStatus = z.infer<typeof MsisdnStatus>;

const instant = () => z.iso.datetime({ offset: true }).nullable();

/** One number of the pool with its links to the owning subscription and customer. */
export const Msisdn = z
  .object({
    msisdn: z.string().describe('The number, digits only, e.g. 90000005'),
    status: MsisdnStatus,
    origin: z.enum(['seed', 'range', 'port_in']).describe('How the number entered the pool'),
    reservedAt: instant(),
    assignedAt: instant(),
    assignedToSubscriptionId: z.string().nullable(),
    assignedToCustomerId: z.string().nullable(),
    portedOutAt: instant(),
    portRequestId: z.string().nullable().describe('The port request that brought the number in or took it out'),
  })
  .meta({ id: 'Msisdn' });
export type Msisdn = z.infer<typeof Msisdn>;

export const MsisdnParams = z.object({ msisdn: z.string().max(15).regex(/^[0-9]{6,15}$/, '6–15 digits') });

export const MsisdnListQuery = PageQuery.extend({
  status: MsisdnStatus.optional(),
  prefix: z.string().max(15).regex(/^[0-9]{1,15}$/, 'digits').optional().describe('Numbers starting with these digits'),
});
export type MsisdnListQuery = z.infer<typeof MsisdnListQuery>;

export const MsisdnCountQuery = z.object({ prefix: z.string().max(15).regex(/^[0-9]{1,15}$/, 'digits').optional() });

/** Pool counts by status (zero-filled). */
export const MsisdnCount = z
  .object({
    available: z.number().int(),
    reserved: z.number().int(),
    assigned: z.number().int(),
    portedOut: z.number().int(),
    total: z.number().int(),
    prefix: z.string().nullable(),
  })
  .meta({ id: 'MsisdnCount' });
export type MsisdnCount = z.infer<typeof MsisdnCount>;

/** Reserve the lowest available number, optionally matching a preference. */
export const ReserveNextMsisdnRequest = z
  .object({
    preference: z
      .string()
      .max(15)
      .regex(/^[0-9*?]{1,15}$/, 'digits with optional * (any run) and ? (one digit) wildcards')
      .optional()
      .describe('A prefix (9000), an exact number, or a pattern such as 9000*88 (* = any digits, ? = one digit)'),
    idempotencyKey: IdempotencyKey.optional(),
  })
  .nullish()
  .describe('Optional: without a body the lowest available number is reserved');
export type ReserveNextMsisdnRequest = NonNullable<z.infer<typeof ReserveNextMsisdnRequest>>;

/** Assign a reserved number to a subscription; both links are written. */
export const AssignMsisdnRequest = z.object({
  subscriptionId: z.string().min(1).max(64),
  customerId: z.string().min(1).max(64),
  idempotencyKey: IdempotencyKey.optional(),
});
export type AssignMsisdnRequest = z.infer<typeof AssignMsisdnRequest>;

/** Replenish the pool with `<prefix><4-digit index>` for index 0…count-1 (sanity is a policy: 422). */
export const AddMsisdnRangeRequest = z.object({
  prefix: z.string().max(15).describe('4–7 digits'),
  count: z.number().int().describe('1–10000'),
});
export type AddMsisdnRangeRequest = z.infer<typeof AddMsisdnRangeRequest>;

export const AddMsisdnRangeResult = z
  .object({
    prefix: z.string(),
    count: z.number().int(),
    inserted: z.number().int(),
    skipped: z.number().int(),
    first: z.string(),
    last: z.string(),
  })
  .meta({ id: 'AddMsisdnRangeResult' });
export type AddMsisdnRangeResult = z.infer<typeof AddMsisdnRangeResult>;
