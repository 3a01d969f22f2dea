// KYC invariants (domain-rules §3.5): the customer exists, a document number is present, the attestation comes from
// an accepted provider and is signed with the shared secret, and one document identifies one customer per tenant.
import type { crm } from '@bss/contracts';
import { NotFound, requirePolicy } from '@bss/policy';
import { kycSignatureValid, type SignedKycFields } from '../domain/kyc.ts';
import type { CustomerRow, IdentityRow } from '../schema.ts';

/** Providers whose attestations CRM accepts (the others need webhook corroboration, not built in this port). */
export const ACCEPTED_KYC_PROVIDERS = ['prebaked'];

export function requireKycCustomer(c: CustomerRow | undefined, customerId: string): asserts c is CustomerRow {
  if (!c) throw new NotFound('customer', customerId, {}, { reason: 'customer.attest_kyc.customer_exists' });
}

export function checkDocumentPresent(input: crm.KycAttestation): asserts input is crm.KycAttestation & { documentNumber: string } {
  requirePolicy(input.documentNumber && input.documentNumber.trim().length >= 4, 'customer.attest_kyc.document_required', 'a document number is required', {
    provider: input.provider,
  });
}

/** Provider accepted, secret configured, signature present and matching (fails closed). */
export function checkAttestationSigned(fields: SignedKycFields, signature: string | undefined, secret: string | undefined): void {
  requirePolicy(ACCEPTED_KYC_PROVIDERS.includes(fields.provider), 'kyc.attestation.uncorroborated', `provider ${fields.provider} is not accepted`, {
    provider: fields.provider,
    accepted: ACCEPTED_KYC_PROVIDERS,
  });
  requirePolicy(secret, 'kyc.attestation.uncorroborated', 'KYC signing is not configured on this service', { provider: fields.provider });
  requirePolicy(signature, 'kyc.attestation.signature_missing', 'the attestation is not signed', { provider: fields.provider });
  requirePolicy(kycSignatureValid(fields, signature, secret), 'kyc.attestation.signature_invalid', 'the attestation signature does not match its content', {
    provider: fields.provider,
  });
}

/** The document-hash key is configured (fails closed, like a missing signing secret). */
export function checkDocumentPepperConfigured(pepper: string | undefined, provider: string): asserts pepper is string {
  requirePolicy(pepper, 'kyc.attestation.uncorroborated', 'KYC document hashing is not configured on this service', { provider });
}

/** The document is not already the identity of another customer in this tenant. */
export function checkDocumentUnique(existing: IdentityRow | undefined, customerId: string, documentType: string): void {
  requirePolicy(
    !existing || existing.customerId === customerId,
    'customer.attest_kyc.document_hash_unique_per_tenant',
    'this document already identifies another customer',
    { documentType },
  );
}
