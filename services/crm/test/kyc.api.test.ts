// KYC attestation: signed prebaked attestations verify the customer; unsigned, tampered, unknown-provider and
// unconfigured-secret attestations are refused; only last4 + a keyed (peppered HMAC) hash are stored; one document
// per tenant.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantBHeaders } from '@bss/testing';
import { sql } from 'drizzle-orm';
import { interactionRows, KYC_PEPPER, newCustomer, outboxEvents, sha256, signedAttestation, startHarness, tmf629, uniqueEmail, type Harness } from './crm-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
const attest = (id: string, body: unknown, headers: Record<string, string> = {}) => h.call('POST', `/crm-api/v1/customer/${id}/kyc-attestation`, body, headers);

describe('kyc attestation', () => {
  it('verifies the customer, stores only last4 + hash, emits customer.kyc_attested without the number', async () => {
    const c = await newCustomer(h);
    const res = await attest(c.id, signedAttestation(c.id, { documentNumber: 'E7654321Q' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      customerId: c.id,
      kycStatus: 'verified',
      kycVerifiedAt: '2026-06-01T00:00:00.000Z',
      kycVerificationMethod: 'prebaked',
      kycReference: 'PB-REF-1',
      documentType: 'passport',
      documentNumberLast4: '321Q',
    });
    const row = (await h.db.db.execute(sql`SELECT * FROM crm.customer_identity WHERE customer_id = ${c.id}`)).rows[0]!;
    expect(JSON.stringify(row)).not.toContain('E7654321Q');
    expect(row.document_hash).toMatch(/^[0-9a-f]{64}$/);
    const [e] = (await outboxEvents(h, 'customer.kyc_attested')).filter((x) => x.aggregate_id === c.id);
    expect(e!.payload).toEqual({ customerId: c.id, provider: 'prebaked', documentType: 'passport', documentCountry: 'SG', kycStatus: 'verified' });
    expect(JSON.stringify(e)).not.toContain('7654321');
    expect((await interactionRows(h, c.id))[0]!.summary).toBe('KYC attested via prebaked');
    const customer = (await h.call('GET', `/tmf-api/customerManagement/v4/customer/${c.id}`)).json();
    tmf629.assert('Customer', customer);
    expect(customer.characteristic).toContainEqual({ name: 'kycStatus', value: 'verified', valueType: 'string' });
    expect((await h.call('GET', `/crm-api/v1/customer/${c.id}/kyc-status`)).json()).toMatchObject({ kycStatus: 'verified', documentNumberLast4: '321Q' });
  });

  it('reports not_verified status before any attestation and 404 customer.kyc.not_found for an unknown customer', async () => {
    const c = await newCustomer(h);
    expect((await h.call('GET', `/crm-api/v1/customer/${c.id}/kyc-status`)).json()).toMatchObject({ kycStatus: 'not_verified', kycVerifiedAt: null, documentType: null });
    const res = await h.call('GET', '/crm-api/v1/customer/CUST-00000000/kyc-status');
    expect(res.statusCode).toBe(404);
    expect(res.json().reason).toBe('customer.kyc.not_found');
  });

  it('refuses an unsigned attestation (kyc.attestation.signature_missing)', async () => {
    const c = await newCustomer(h);
    const { signature: _s, ...unsigned } = signedAttestation(c.id);
    const res = await attest(c.id, unsigned);
    expect(res.statusCode).toBe(422);
    expect(res.json().reason).toBe('kyc.attestation.signature_missing');
  });

  it('refuses a tampered attestation, a wrong key and a replay on another customer (kyc.attestation.signature_invalid)', async () => {
    const c = await newCustomer(h);
    const other = await newCustomer(h);
    for (const body of [
      { ...signedAttestation(c.id), documentNumber: 'X9999999Z' },
      { ...signedAttestation(c.id), dateOfBirth: '1970-01-01' },
      signedAttestation(c.id, {}, 'another-secret-that-is-long-enough-123'),
      signedAttestation(other.id),
    ]) {
      const res = await attest(c.id, body);
      expect(res.statusCode).toBe(422);
      expect(res.json().reason).toBe('kyc.attestation.signature_invalid');
    }
    expect((await h.call('GET', `/crm-api/v1/customer/${c.id}/kyc-status`)).json().kycStatus).toBe('not_verified');
  });

  it('refuses providers other than prebaked (kyc.attestation.uncorroborated)', async () => {
    const c = await newCustomer(h);
    const res = await attest(c.id, signedAttestation(c.id, { provider: 'didit' }));
    expect(res.json()).toMatchObject({ reason: 'kyc.attestation.uncorroborated', context: { provider: 'didit' } });
  });

  it('needs a document number (customer.attest_kyc.document_required) and an existing customer (customer.attest_kyc.customer_exists)', async () => {
    const c = await newCustomer(h);
    const { documentNumber: _d, ...noDoc } = signedAttestation(c.id);
    expect((await attest(c.id, noDoc)).json().reason).toBe('customer.attest_kyc.document_required');
    const res = await attest('CUST-00000000', signedAttestation('CUST-00000000'));
    expect(res.statusCode).toBe(404);
    expect(res.json().reason).toBe('customer.attest_kyc.customer_exists');
  });

  it('refuses a document that already identifies another customer in the tenant, not in another tenant', async () => {
    const a = await newCustomer(h);
    const b = await newCustomer(h);
    expect((await attest(a.id, signedAttestation(a.id, { documentNumber: 'S1111111A' }))).statusCode).toBe(200);
    const dup = await attest(b.id, signedAttestation(b.id, { documentNumber: 's111-1111 a' }));
    expect(dup.statusCode).toBe(422);
    expect(dup.json()).toMatchObject({ reason: 'customer.attest_kyc.document_hash_unique_per_tenant', context: { documentType: 'passport' } });
    // A customer of another tenant (its own identity) may hold the same document.
    const other = await h.call('POST', '/tmf-api/customerManagement/v4/customer', { givenName: 'Bea', email: uniqueEmail('tenant-b') }, tenantBHeaders());
    expect((await attest(other.json().id, signedAttestation(other.json().id, { documentNumber: 'S1111111A' }), tenantBHeaders())).statusCode).toBe(200);
    expect((await attest(a.id, signedAttestation(a.id, { documentNumber: 'S1111111A', providerReference: 'PB-REF-2' }))).json().kycReference).toBe('PB-REF-2');
  });

  it('answers 400 for a malformed attestation', async () => {
    const c = await newCustomer(h);
    expect((await attest(c.id, { ...signedAttestation(c.id), documentType: 'library_card' })).statusCode).toBe(400);
    expect((await attest(c.id, { ...signedAttestation(c.id), dateOfBirth: '03/02/1990' })).statusCode).toBe(400);
  });
});

describe('stored document hash', () => {
  const storedHash = async (x: Harness, customerId: string) =>
    (await x.db.db.execute<{ document_hash: string }>(sql`SELECT document_hash FROM crm.customer_identity WHERE customer_id = ${customerId}`)).rows[0]!.document_hash;

  it('is an HMAC keyed with the pepper, not a plain SHA-256 a brute force over the number space would find', async () => {
    const c = await newCustomer(h);
    expect((await attest(c.id, signedAttestation(c.id, { documentType: 'nric', documentNumber: 'S1234567D' }))).statusCode).toBe(200);
    const stored = await storedHash(h, c.id);
    const message = 'bss-kyc-doc:v2|DEFAULT|nric|S1234567D';
    expect(stored).toBe(createHmac('sha256', KYC_PEPPER).update(message).digest('hex'));
    for (const unkeyed of [message, 'bss-kyc-doc:v1|DEFAULT|nric|S1234567D', 'S1234567D']) expect(stored).not.toBe(sha256(unkeyed));
  });

  it('differs under another pepper, and uniqueness per tenant still holds on the keyed hash', async () => {
    const other = await startHarness({ kycPepper: 'another-pepper-0123456789abcdef0123456789' });
    try {
      const a = await newCustomer(h);
      const b = await newCustomer(other);
      const doc = { documentType: 'nric', documentNumber: 'S7654321A' };
      await attest(a.id, signedAttestation(a.id, doc));
      expect((await other.call('POST', `/crm-api/v1/customer/${b.id}/kyc-attestation`, signedAttestation(b.id, doc))).statusCode).toBe(200);
      expect(await storedHash(other, b.id)).not.toBe(await storedHash(h, a.id));
      const c = await newCustomer(h);
      const dup = await attest(c.id, signedAttestation(c.id, { ...doc, documentNumber: 's765-4321 a' }));
      expect(dup.json()).toMatchObject({ reason: 'customer.attest_kyc.document_hash_unique_per_tenant' });
    } finally {
      await other.close();
    }
  });
});

describe('kyc without a configured secret', () => {
  it('fails closed with kyc.attestation.uncorroborated', async () => {
    const bare = await startHarness({ noKycSecret: true });
    try {
      const res = await bare.call('POST', '/tmf-api/customerManagement/v4/customer', { givenName: 'No', familyName: 'Secret', email: 'no.secret@example.com' });
      const id = res.json().id as string;
      const out = await bare.call('POST', `/crm-api/v1/customer/${id}/kyc-attestation`, signedAttestation(id));
      expect(out.json()).toMatchObject({ reason: 'kyc.attestation.uncorroborated' });
    } finally {
      await bare.close();
    }
  });
});
