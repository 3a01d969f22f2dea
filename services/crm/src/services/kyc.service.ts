// KYC use-cases: accept a signed attestation (reduce the document number to last4 + hash at once, check policies,
// store the identity, mark the customer verified, stage customer.kyc_attested, auto-log) and read KYC status.
import type { crm } from '@bss/contracts';
import { NotFound } from '@bss/policy';
import { currentContext } from '@bss/telemetry';
import type { CrmDeps } from '../deps.ts';
import { documentHash, documentLast4, type SignedKycFields } from '../domain/kyc.ts';
import { customerEvents } from '../events/customer.events.ts';
import { checkAttestationSigned, checkDocumentPepperConfigured, checkDocumentPresent, checkDocumentUnique, requireKycCustomer } from '../policies/kyc.policies.ts';
import { checkHasContactMedium } from '../policies/customer.policies.ts';
import { findCustomer, findCustomerForUpdate, listMediums, updateCustomer } from '../repositories/customer.repository.ts';
import { findIdentity, findIdentityByDocument, upsertIdentity } from '../repositories/kyc.repository.ts';
import type { CustomerRow, IdentityRow } from '../schema.ts';
import { logInteraction } from './interaction.service.ts';

const toStatus = (c: CustomerRow, id: IdentityRow | undefined): crm.KycStatus => ({
  customerId: c.id,
  kycStatus: c.kycStatus,
  kycVerifiedAt: c.kycVerifiedAt ? c.kycVerifiedAt.toISOString() : null,
  kycVerificationMethod: c.kycVerificationMethod,
  kycReference: c.kycReference,
  documentType: id?.documentType ?? null,
  documentNumberLast4: id?.documentNumberLast4 ?? null,
});

/** The KYC use-cases bound to `deps`. */
export function kycService(deps: CrmDeps) {
  return {
    async attest(customerId: string, input: crm.KycAttestation): Promise<crm.KycStatus> {
      return deps.database.db.transaction(async (tx) => {
        const c = await findCustomerForUpdate(tx, customerId);
        requireKycCustomer(c, customerId);
        // A customer may be created with only a name and a party; attesting its identity is where it must be
        // reachable (the rule moved here from creation, with its id).
        checkHasContactMedium((await listMediums(tx, [c.partyId])).filter((m) => m.validTo === null).length, { customerId });
        checkDocumentPresent(input);
        const fields: SignedKycFields = {
          customerId,
          provider: input.provider,
          providerReference: input.providerReference,
          documentType: input.documentType,
          documentNumber: input.documentNumber,
          documentCountry: input.documentCountry,
          dateOfBirth: input.dateOfBirth,
          nationality: input.nationality,
          verifiedAt: input.verifiedAt,
        };
        checkAttestationSigned(fields, input.signature, deps.kycSigningSecret);
        const pepper = deps.kycDocumentPepper;
        checkDocumentPepperConfigured(pepper, input.provider);
        const tenantId = currentContext().tenant;
        const hash = documentHash(pepper, tenantId, input.documentType, input.documentNumber);
        checkDocumentUnique(await findIdentityByDocument(tx, tenantId, hash), customerId, input.documentType);
        const identity = await upsertIdentity(tx, {
          customerId,
          documentType: input.documentType,
          documentHash: hash,
          documentNumberLast4: documentLast4(input.documentNumber),
          documentCountry: input.documentCountry,
          dateOfBirth: input.dateOfBirth,
          nationality: input.nationality ?? null,
          provider: input.provider,
          providerReference: input.providerReference,
          verifiedAt: new Date(input.verifiedAt),
          tenantId,
        });
        const updated = await updateCustomer(tx, customerId, {
          kycStatus: 'verified',
          kycVerifiedAt: deps.clock.now(),
          kycVerificationMethod: input.provider,
          kycReference: input.providerReference,
        });
        await deps.outbox.stage(tx, customerEvents.kycAttested(customerId, input.provider, input.documentType, input.documentCountry));
        await logInteraction(tx, deps, { customerId, summary: `KYC attested via ${input.provider}` });
        return toStatus(updated, identity);
      });
    },

    async status(customerId: string): Promise<crm.KycStatus> {
      const db = deps.database.db;
      const c = await findCustomer(db, customerId);
      if (!c) throw new NotFound('customer', customerId, {}, { reason: 'customer.kyc.not_found' });
      return toStatus(c, await findIdentity(db, customerId));
    },
  };
}
