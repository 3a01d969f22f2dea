// The CRM ServiceModule: name, port, outbox schema, its extra env (inventory settings, the KYC signing secret and
// document pepper), how to build the app, and its worker (reservation expiry).
import { perPlatform, type ServiceModule } from '@bss/server-kit';
import { z } from 'zod';
import { buildApp } from './app.ts';
import { createDeps } from './deps.ts';
import { inventoryEnv } from './inventory/config.ts';
import { createReservationExpiryWorker } from './inventory/workers/reservation-expiry.worker.ts';

// The app and the expiry worker share one set of deps (one subscription client, one config view).
const depsFor = perPlatform((platform) => createDeps(platform));

export const service: ServiceModule = {
  name: 'crm',
  version: '0.1.0',
  outboxSchema: 'crm',
  extraEnv: {
    ...inventoryEnv,
    /** HMAC-SHA256 key channels sign KYC attestations with. Required: there is no dev default. */
    BSS_KYC_SIGNING_SECRET: z.string().min(32, 'at least 32 characters'),
    /** HMAC-SHA256 key of the stored document hash (a secret pepper, never shared with channels). Required. */
    BSS_KYC_DOCUMENT_PEPPER: z.string().min(32, 'at least 32 characters'),
  },
  build: (platform) => buildApp(depsFor(platform)),
  // Reserved numbers and profiles not assigned within BSS_INVENTORY_RESERVATION_TTL return to the pools.
  workers: (platform) => [createReservationExpiryWorker(depsFor(platform))],
};
