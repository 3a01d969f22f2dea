// Signs a `prebaked` KYC attestation the way CRM verifies it: hex HMAC-SHA256 over the canonical JSON (keys sorted,
// absent keys dropped) of every field but `signature`, plus the customer id. Only a trusted channel holding the
// shared BSS_KYC_SIGNING_SECRET can do this (the operator's CLI, scenarios); the format is CRM's contract.
import { createHmac } from 'node:crypto';

export function signKycAttestation(fields: Record<string, string | undefined>, secret: string): string {
  const entries = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHmac('sha256', secret).update(JSON.stringify(Object.fromEntries(entries))).digest('hex');
}
