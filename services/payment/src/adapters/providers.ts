// Provider registry: the env enum lists only providers that exist in this build, and a selected provider
// whose credentials are missing stops start-up naming each missing variable (never a silent mock fallback).
// Adding a provider (e.g. Stripe) = a new `<name>.provider.ts` exporting a ProviderDefinition + one line below.
import type { Clock } from '@bss/clock';
import { ConfigError } from '@bss/config';
import { z } from 'zod';
import { mockProviderDefinition } from './mock.provider.ts';
import type { PaymentProvider, ProviderDefinition } from './provider.ts';

/** Every provider this build can run. */
export const PROVIDERS: readonly ProviderDefinition[] = [
  mockProviderDefinition,
];

/** Env keys of the provider choice plus every provider's own settings (all optional at parse time). */
export function providerEnv(registry: readonly ProviderDefinition[] = PROVIDERS): z.ZodRawShape {
  const names = registry.map((p) => p.name) as [string, ...string[]];
  return {
    BSS_PAYMENT_PROVIDER: z.enum(names).default(names[0]).describe('Payment provider; only providers built in are accepted'),
    ...Object.assign({}, ...registry.map((p) => p.env)),
  };
}

/** Builds the selected provider; throws ConfigError listing every missing credential of that provider. */
export function resolveProvider(
  extra: Record<string, unknown>,
  deps: { clock: Clock },
  registry: readonly ProviderDefinition[] = PROVIDERS,
): PaymentProvider {
  const name = extra.BSS_PAYMENT_PROVIDER;
  const definition = registry.find((p) => p.name === name);
  if (!definition) {
    throw new ConfigError([
      { key: 'BSS_PAYMENT_PROVIDER', message: `unknown provider ${String(name)}; available: ${registry.map((p) => p.name).join(', ')}` },
    ]);
  }
  const missing = definition.requiredEnv.filter((key) => extra[key] === undefined || extra[key] === '');
  if (missing.length > 0) {
    throw new ConfigError(missing.map((key) => ({ key, message: `required when BSS_PAYMENT_PROVIDER=${definition.name}` })));
  }
  return definition.create(extra, deps);
}
