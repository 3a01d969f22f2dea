// Wire shapes of KYC attestation (a signed statement from the channel) and KYC status, on /crm-api (camelCase).
import { z } from 'zod';
import { Instant, IsoDate } from '../common/limits.ts';

export const KycDocumentType = z.enum(['nric', 'passport', 'fin', 'driving_license']);

/**
 * The attestation a channel sends. `signature` is hex HMAC-SHA256, keyed with the shared KYC signing secret, over
 * the canonical JSON (keys sorted, absent keys omitted) of every other field plus the path's `customerId`.
 */
export const KycAttestation = z.object({
  provider: z.string().min(1).max(40).describe('Only `prebaked` is accepted'),
  providerReference: z.string().min(1).max(200),
  documentType: KycDocumentType,
  documentNumber: z.string().min(4).max(40).optional().describe('Reduced to last4 + a keyed hash (HMAC with a server-side pepper); never stored'),
  documentCountry: z.string().max(2).regex(/^[A-Z]{2}$/),
  dateOfBirth: IsoDate,
  nationality: z.string().max(3).regex(/^[A-Z]{2,3}$/).optional(),
  verifiedAt: Instant,
  signature: z.string().max(200).optional(),
});
export type KycAttestation = z.infer<typeof KycAttestation>;

export const KycStatusValue = z.enum(['not_verified', 'pending', 'verified', 'rejected', 'expired']);

export const KycStatus = z
  .object({
    customerId: z.string(),
    kycStatus: KycStatusValue,
    kycVerifiedAt: z.string().nullable(),
    kycVerificationMethod: z.string().nullable(),
    kycReference: z.string().nullable(),
    documentType: z.string().nullable(),
    documentNumberLast4: z.string().nullable(),
  })
  .meta({ id: 'KycStatus' });
export type KycStatus = z.infer<typeof KycStatus>;
