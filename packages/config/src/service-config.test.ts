import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from './env.ts';
import { loadServiceConfig } from './service-config.ts';

const good = {
  BSS_DB_URL: 'postgres://postgres@127.0.0.1:5432/bss',
  BSS_MQ_URL: 'amqp://guest:guest@127.0.0.1:5672',
  BSS_API_TOKEN: 'a'.repeat(40),
};

describe('loadServiceConfig', () => {
  it('parses a minimal environment with defaults', () => {
    const cfg = loadServiceConfig('catalog', good);
    expect(cfg.port).toBe(8001);
    expect(cfg.exchange).toBe('bss.events');
    expect(cfg.urls.crm).toBe('http://127.0.0.1:8002');
    expect(cfg.apiTokens).toEqual([{ identity: 'default', token: 'a'.repeat(40) }]);
    expect(cfg.publicBaseUrl).toBe('http://localhost:8001');
    expect(cfg.allowAdmin).toBe(false);
  });

  it('reads event retention in days: 90/30 by default, 0 keeps forever, fractions and negatives refused', () => {
    expect(loadServiceConfig('catalog', good)).toMatchObject({ outboxRetentionDays: 90, inboxRetentionDays: 30 });
    expect(loadServiceConfig('catalog', { ...good, BSS_OUTBOX_RETENTION_DAYS: '0', BSS_INBOX_RETENTION_DAYS: '7' })).toMatchObject({
      outboxRetentionDays: 0,
      inboxRetentionDays: 7,
    });
    try {
      loadServiceConfig('catalog', { ...good, BSS_OUTBOX_RETENTION_DAYS: '1.5', BSS_INBOX_RETENTION_DAYS: '-1' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).issues.map((i) => i.key).sort()).toEqual(['BSS_INBOX_RETENTION_DAYS', 'BSS_OUTBOX_RETENTION_DAYS']);
    }
  });

  it('lists every bad key at once', () => {
    try {
      loadServiceConfig('crm', { BSS_DB_URL: 'mysql://x', BSS_CRM_PORT: 'abc', BSS_API_TOKEN: 'changeme' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const keys = (err as ConfigError).issues.map((i) => i.key).sort();
      expect(keys).toEqual(['BSS_API_TOKEN', 'BSS_CRM_PORT', 'BSS_DB_URL', 'BSS_MQ_URL']);
      expect((err as ConfigError).issues.find((i) => i.key === 'BSS_MQ_URL')?.message).toBe('required');
    }
  });

  it('refuses short, missing and duplicated tokens', () => {
    const run = (env: Record<string, string>) => {
      try {
        loadServiceConfig('catalog', { ...good, ...env });
        return [];
      } catch (err) {
        return (err as ConfigError).issues.map((i) => `${i.key}: ${i.message}`);
      }
    };
    expect(run({ BSS_API_TOKEN: 'short' })).toEqual(['BSS_API_TOKEN: token must be at least 32 characters']);
    expect(run({ BSS_PORTAL_API_TOKEN: 'a'.repeat(40) })[0]).toMatch(/same value as the default token/);
    const { BSS_API_TOKEN: _, ...noToken } = good;
    expect(() => loadServiceConfig('catalog', noToken)).toThrow(/BSS_API_TOKEN: required/);
  });

  it('maps named tokens to identities and parses service extras', () => {
    const cfg = loadServiceConfig(
      'payment',
      { ...good, BSS_OPERATOR_COCKPIT_API_TOKEN: 'b'.repeat(32), BSS_PAYMENT_PROVIDER: 'mock' },
      { BSS_PAYMENT_PROVIDER: z.enum(['mock', 'stripe']) },
    );
    expect(cfg.apiTokens.map((t) => t.identity).sort()).toEqual(['default', 'operator_cockpit']);
    expect(cfg.extra.BSS_PAYMENT_PROVIDER).toBe('mock');
  });
});
