// KYC crypto, pure: the canonical form a channel signs, HMAC-SHA256 verification, and the reduction of a raw
// document number to last4 + a keyed, domain-separated hash. A document number has little entropy (an NRIC is a
// letter, 7 digits and a check letter), so a plain SHA-256 stored beside its last 4 characters is brute-forced in
// seconds; keyed with a secret pepper (BSS_KYC_DOCUMENT_PEPPER) the stored hash is useless without the key.
// Tenant and document type are inside the MAC, so equal numbers of different types or tenants never collide.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The attestation fields covered by the signature (everything except `signature`, plus the customer id). */
export interface SignedKycFields {
  customerId: string;
  provider: string;
  providerReference: string;
  documentType: string;
  documentNumber?: string | undefined;
  documentCountry: string;
  dateOfBirth: string;
  nationality?: string | undefined;
  verifiedAt: string;
}

/** Canonical JSON: keys sorted, undefined values dropped, no whitespace. */
export function canonicalKycJson(fields: SignedKycFields): string {
  const entries = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(entries));
}

/** Hex HMAC-SHA256 of the canonical JSON; what a channel puts in `signature`. */
export function signKycAttestation(fields: SignedKycFields, secret: string): string {
  return createHmac('sha256', secret).update(canonicalKycJson(fields)).digest('hex');
}

/** Constant-time check of `signature` against the expected HMAC. */
export function kycSignatureValid(fields: SignedKycFields, signature: string, secret: string): boolean {
  const expected = Buffer.from(signKycAttestation(fields, secret), 'hex');
  const given = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Upper-case, spaces and hyphens removed: `s1234-567 d` and `S1234567D` are the same document. */
export const normalizeDocumentNumber = (n: string) => n.toUpperCase().replace(/[\s-]/g, '');

/** HMAC-SHA256(pepper, 'bss-kyc-doc:v2|' + tenant + '|' + docType + '|' + normalised number), hex. */
export function documentHash(pepper: string, tenant: string, documentType: string, documentNumber: string): string {
  return createHmac('sha256', pepper).update(`bss-kyc-doc:v2|${tenant}|${documentType}|${normalizeDocumentNumber(documentNumber)}`).digest('hex');
}

export const documentLast4 = (documentNumber: string) => normalizeDocumentNumber(documentNumber).slice(-4);
