// Payment's own env keys, parsed together with the common ones: the provider choice and each provider's
// settings (see adapters/providers.ts), and the reconciler's timing. Credentials of the selected provider
// are checked at build time.
import { z } from 'zod';
import { providerEnv } from './adapters/providers.ts';

/** Reconciler timing. The threshold must outlast any live gateway call, so only dead processes' attempts are due. */
export const reconcilerEnv = {
  BSS_PAYMENT_RECONCILE_AFTER_MS: z.coerce
    .number()
    .int()
    .min(60_000)
    .default(300_000)
    .describe('Age (on the service clock) after which a pending attempt is completed from the gateway record'),
  BSS_PAYMENT_RECONCILE_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000).describe('Wall-clock pause between reconciler passes'),
};

/** Extra env shape handed to the ServiceModule. */
export const extraEnv = { ...providerEnv(), ...reconcilerEnv };
