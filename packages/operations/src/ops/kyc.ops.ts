// KYC operations (CRM): attest a prebaked verification, read the status.
import { z } from 'zod';
import { box, cardWidth, shortTime } from '../cards/text.ts';
import { CustomerId, IsoDay, IsoInstant, Text } from '../fields.ts';
import { signKycAttestation } from '../kyc-signing.ts';
import { defineOperation } from '../operation.ts';
import type { crm } from '@bss/contracts';

const kycLine = (k: crm.KycStatus) => `${k.customerId}  KYC ${k.kycStatus}${k.kycVerifiedAt ? ` at ${shortTime(k.kycVerifiedAt)}` : ''}${k.documentNumberLast4 ? `  doc •••${k.documentNumberLast4}` : ''}`;

export const kycOps = [
  defineOperation({
    name: 'customer.attest_kyc',
    summary: 'Record a prebaked KYC attestation for a customer (signed by this channel)',
    description:
      'Sends a KYC attestation (provider `prebaked`). The caller signs it with the shared KYC signing secret when it holds one (CLI: BSS_KYC_SIGNING_SECRET or .bss/kyc-signing-secret); `verifiedAt` defaults to CRM business time. The document number is reduced to last4 + keyed hash server-side, never stored. Refusals: kyc.attestation.* (unsigned, bad signature, provider not accepted), customer.attest_kyc.document_hash_unique_per_tenant.',
    kind: 'create',
    destructive: false,
    services: ['crm'],
    input: z.object({
      customerId: CustomerId,
      documentNumber: z.string().min(4).max(40).describe('Identity document number (reduced to last4 + hash, never stored)'),
      documentType: z.enum(['nric', 'passport', 'fin', 'driving_license']).default('nric').describe('Document type'),
      documentCountry: z.string().regex(/^[A-Z]{2}$/).default('SG').describe('ISO 3166 alpha-2 issuing country'),
      dateOfBirth: IsoDay.describe('Date of birth YYYY-MM-DD'),
      providerReference: Text(200, 'The provider reference of the verification').default('cli-prebaked'),
      verifiedAt: IsoInstant.optional().describe('When the verification happened (default: CRM business time now)'),
    }),
    async run(c, i) {
      const verifiedAt = i.verifiedAt ?? (await c.admin.find((a) => a.service === 'crm')!.client.clockNow()).now;
      const body = {
        provider: 'prebaked',
        providerReference: i.providerReference,
        documentType: i.documentType,
        documentNumber: i.documentNumber,
        documentCountry: i.documentCountry,
        dateOfBirth: i.dateOfBirth,
        verifiedAt,
      };
      const signature = c.kycSigningSecret ? signKycAttestation({ ...body, customerId: i.customerId }, c.kycSigningSecret) : undefined;
      return c.crm.attestKyc(i.customerId, { ...body, ...(signature ? { signature } : {}) });
    },
    render: (k) => kycLine(k),
    cli: { command: ['customer', 'attest-kyc'], positional: ['customerId'], example: 'bss customer attest-kyc CUST-01JZ8Q3V9KX2M7 --document-number S1234567D --date-of-birth 1990-04-01' },
  }),
  defineOperation({
    name: 'customer.get_kyc_status',
    summary: "Show a customer's KYC status",
    description: 'Returns { kycStatus: not_verified|pending|verified|rejected|expired, kycVerifiedAt, documentType, documentNumberLast4, … }.',
    kind: 'read',
    destructive: false,
    services: ['crm'],
    input: z.object({ customerId: CustomerId }),
    run: (c, i) => c.crm.getKycStatus(i.customerId),
    render: (k, { width }) =>
      box(`KYC ${k.customerId}`, [`Status:   ${k.kycStatus}`, `Verified: ${shortTime(k.kycVerifiedAt)} via ${k.kycVerificationMethod ?? '—'}`, `Document: ${k.documentType ?? '—'} •••${k.documentNumberLast4 ?? '—'}`], cardWidth(width, 70)),
    cli: { command: ['customer', 'kyc-status'], positional: ['customerId'], example: 'bss customer kyc-status CUST-01JZ8Q3V9KX2M7' },
  }),
];
