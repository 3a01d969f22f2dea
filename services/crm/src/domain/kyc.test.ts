// The KYC crypto: canonical JSON is order-independent, signatures verify and catch tampering, document hashes are
// domain-separated by tenant and type and ignore formatting.
import { describe, expect, it } from 'vitest';
import { canonicalKycJson, documentHash, documentLast4, kycSignatureValid, signKycAttestation, type SignedKycFields } from './kyc.ts';

const fields: SignedKycFields = {
  customerId: 'CUST-1',
  provider: 'prebaked',
  providerReference: 'R1',
  documentType: 'passport',
  documentNumber: 'E1234567X',
  documentCountry: 'SG',
  dateOfBirth: '1990-01-01',
  verifiedAt: '2026-05-31T10:00:00Z',
};

describe('kyc signature', () => {
  it('canonicalises with sorted keys and without undefined values', () => {
    const json = canonicalKycJson({ ...fields, nationality: undefined });
    expect(json.startsWith('{"customerId":"CUST-1","dateOfBirth":"1990-01-01","documentCountry":"SG"')).toBe(true);
    expect(json).not.toContain('nationality');
  });

  it('verifies its own signature and rejects tampering, another key or garbage', () => {
    const sig = signKycAttestation(fields, 'k'.repeat(32));
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(kycSignatureValid(fields, sig, 'k'.repeat(32))).toBe(true);
    expect(kycSignatureValid({ ...fields, documentNumber: 'E1234567Y' }, sig, 'k'.repeat(32))).toBe(false);
    expect(kycSignatureValid({ ...fields, customerId: 'CUST-2' }, sig, 'k'.repeat(32))).toBe(false);
    expect(kycSignatureValid(fields, sig, 'x'.repeat(32))).toBe(false);
    expect(kycSignatureValid(fields, 'zz', 'k'.repeat(32))).toBe(false);
  });
});

describe('document hash', () => {
  const pepper = 'p'.repeat(32);
  it('ignores case, spaces and hyphens but separates tenants, document types and peppers', () => {
    const h = documentHash(pepper, 'DEFAULT', 'passport', 'E1234567X');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(documentHash(pepper, 'DEFAULT', 'passport', 'e123-4567 x')).toBe(h);
    expect(documentHash(pepper, 'OTHER', 'passport', 'E1234567X')).not.toBe(h);
    expect(documentHash(pepper, 'DEFAULT', 'nric', 'E1234567X')).not.toBe(h);
    expect(documentHash('q'.repeat(32), 'DEFAULT', 'passport', 'E1234567X')).not.toBe(h);
    expect(documentLast4('e123-4567 x')).toBe('567X');
  });
});
