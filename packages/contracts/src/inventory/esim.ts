// Wire shapes of the eSIM profile pool (/inventory-api/v1/esim…). Never carries the Ki or its HSM reference.
import { z } from 'zod';
import { IdempotencyKey } from '../common/idempotency.ts';
import { PageQuery } from '../common/paging.ts';

export const EsimState = z.enum(['available', 'reserved', 'downloaded', 'activated']);
export type EsimState = z.infer<typeof EsimState>;

const instant = () => z.iso.datetime({ offset: true }).nullable();

/** One eSIM profile with its bound number and owning subscription/customer. */
export const EsimProfile = z
  .object({
    iccid: z.string().describe('19-digit ICCID'),
    imsi: z.string(),
    profileState: EsimState,
    smdpServer: z.string(),
    assignedMsisdn: z.string().nullable(),
    assignedToSubscriptionId: z.string().nullable(),
    assignedToCustomerId: z.string().nullable(),
    reservedAt: instant(),
    downloadedAt: instant(),
    activatedAt: instant(),
  })
  .meta({ id: 'EsimProfile' });
export type EsimProfile = z.infer<typeof EsimProfile>;

export const IccidParams = z.object({ iccid: z.string().max(22).regex(/^[0-9]{18,22}$/, '18–22 digits') });

export const EsimListQuery = PageQuery.extend({ state: EsimState.optional() });
export type EsimListQuery = z.infer<typeof EsimListQuery>;

/** Bind a reserved number to a reserved profile; subscription/customer links may be written at the same time. */
export const AssignEsimMsisdnRequest = z.object({
  msisdn: z.string().max(15).regex(/^[0-9]{6,15}$/, '6–15 digits'),
  subscriptionId: z.string().min(1).max(64).optional(),
  customerId: z.string().min(1).max(64).optional(),
  idempotencyKey: IdempotencyKey.optional(),
});
export type AssignEsimMsisdnRequest = z.infer<typeof AssignEsimMsisdnRequest>;

/** What a device needs to download the profile (LPA activation code); no secret material. */
export const EsimActivation = z
  .object({
    iccid: z.string(),
    activationCode: z.string().describe('LPA:1$<smdp>$<matchingId>'),
    smdpServer: z.string(),
    matchingId: z.string(),
  })
  .meta({ id: 'EsimActivation' });
export type EsimActivation = z.infer<typeof EsimActivation>;
