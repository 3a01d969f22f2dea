// Provider registry: only built-in providers are selectable; missing credentials stop start-up by name.
import { ConfigError, loadServiceConfig } from '@bss/config';
import { frozenClock } from '@bss/clock';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMockProvider } from './mock.provider.ts';
import type { ProviderDefinition } from './provider.ts';
import { providerEnv, resolveProvider } from './providers.ts';

const base = { BSS_DB_URL: 'postgres://postgres@127.0.0.1:5432/bss', BSS_MQ_URL: 'amqp://guest:guest@127.0.0.1:5672', BSS_API_TOKEN: 'a'.repeat(40) };
const clock = frozenClock('2026-06-01T00:00:00Z');
const issues = (fn: () => unknown) => {
  try {
    fn();
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).issues;
  }
};

// A provider that needs credentials, to exercise the mechanism a real provider (e.g. Stripe) will use.
const fakepay: ProviderDefinition = {
  name: 'fakepay',
  env: { BSS_FAKEPAY_SECRET_KEY: z.string().min(1).optional(), BSS_FAKEPAY_ACCOUNT: z.string().optional() },
  requiredEnv: ['BSS_FAKEPAY_SECRET_KEY', 'BSS_FAKEPAY_ACCOUNT'],
  create: () => ({ ...createMockProvider(), name: 'fakepay' }),
};

describe('provider registry', () => {
  it('defaults to the mock provider', () => {
    const cfg = loadServiceConfig('payment', base, providerEnv());
    expect(resolveProvider(cfg.extra, { clock }).name).toBe('mock');
  });

  it('refuses a provider that is not built in (stripe is not selectable yet), naming the key', () => {
    expect(issues(() => loadServiceConfig('payment', { ...base, BSS_PAYMENT_PROVIDER: 'stripe' }, providerEnv()))).toEqual([
      expect.objectContaining({ key: 'BSS_PAYMENT_PROVIDER' }),
    ]);
  });

  it('stops start-up naming every missing credential of the selected provider, never falling back to the mock', () => {
    const registry = [createMockDefinitionOnly(), fakepay];
    const cfg = loadServiceConfig('payment', { ...base, BSS_PAYMENT_PROVIDER: 'fakepay' }, providerEnv(registry));
    expect(issues(() => resolveProvider(cfg.extra, { clock }, registry))).toEqual([
      { key: 'BSS_FAKEPAY_SECRET_KEY', message: 'required when BSS_PAYMENT_PROVIDER=fakepay' },
      { key: 'BSS_FAKEPAY_ACCOUNT', message: 'required when BSS_PAYMENT_PROVIDER=fakepay' },
    ]);
    const ok = loadServiceConfig('payment', { ...base, BSS_PAYMENT_PROVIDER: 'fakepay', BSS_FAKEPAY_SECRET_KEY: 'sk', BSS_FAKEPAY_ACCOUNT: 'acct' }, providerEnv(registry));
    expect(resolveProvider(ok.extra, { clock }, registry).name).toBe('fakepay');
  });

  it("validates the mock's own optional setting with the common keys", () => {
    expect(issues(() => loadServiceConfig('payment', { ...base, BSS_PAYMENT_MOCK_LATENCY_MS: 'slow' }, providerEnv()))).toEqual([
      expect.objectContaining({ key: 'BSS_PAYMENT_MOCK_LATENCY_MS' }),
    ]);
  });
});

function createMockDefinitionOnly(): ProviderDefinition {
  return { name: 'mock', env: {}, requiredEnv: [], create: () => createMockProvider() };
}
