// Payment's own env keys, parsed together with the common ones: the provider choice and each provider's
// settings (see adapters/providers.ts). Credentials of the selected provider are checked at build time.
import { providerEnv } from './adapters/providers.ts';

/** Extra env shape handed to the ServiceModule. */
export const extraEnv = providerEnv();
