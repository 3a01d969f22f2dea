// HTTP for KYC: POST a signed attestation, GET the customer's KYC status.
import { crm } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import type { App } from '@bss/server-kit';
import { z } from 'zod';
import type { CrmDeps } from '../deps.ts';
import { kycService } from '../services/kyc.service.ts';

const CustomerId = z.object({ customerId: z.string().min(1).max(64) });
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope, 422: ErrorEnvelope };

export function registerKycRoutes(app: App, deps: CrmDeps): void {
  const kyc = kycService(deps);
  const tags = ['KYC'];
  app.post(
    '/crm-api/v1/customer/:customerId/kyc-attestation',
    { schema: { tags, params: CustomerId, body: crm.KycAttestation, response: { 200: crm.KycStatus, ...errors } } },
    async (req) => kyc.attest(req.params.customerId, req.body),
  );
  app.get('/crm-api/v1/customer/:customerId/kyc-status', { schema: { tags, params: CustomerId, response: { 200: crm.KycStatus, ...errors } } }, async (req) =>
    kyc.status(req.params.customerId),
  );
}
