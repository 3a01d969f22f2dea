import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from './env.ts';
import { ALL_SCOPES, DEFAULT_IDENTITY_SCOPES } from './scopes.ts';
import { loadServiceConfig } from './service-config.ts';
import { deriveSystemToken } from './tokens.ts';

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
    expect(cfg.apiTokens).toEqual([
      { identity: 'default', token: 'a'.repeat(40), scopes: ALL_SCOPES, tenant: 'DEFAULT' },
      { identity: 'system', token: deriveSystemToken('a'.repeat(40)), scopes: DEFAULT_IDENTITY_SCOPES.system, tenant: 'DEFAULT' },
    ]);
    // Service-to-service calls go out as `system`, never with the operator's token.
    expect(cfg.outboundToken).toBe(deriveSystemToken('a'.repeat(40)));
    expect(cfg.publicBaseUrl).toBe('http://localhost:8001');
    expect(cfg.allowAdmin).toBe(false);
  });

  it('defaults the database session timeouts and refuses 0 (which Postgres reads as "no limit")', () => {
    const cfg = loadServiceConfig('catalog', good);
    expect([cfg.dbStatementTimeoutMs, cfg.dbIdleTxTimeoutMs]).toEqual([15_000, 30_000]);
    expect(() => loadServiceConfig('catalog', { ...good, BSS_DB_STATEMENT_TIMEOUT_MS: '0', BSS_DB_IDLE_TX_TIMEOUT_MS: 'x' })).toThrow(
      /BSS_DB_STATEMENT_TIMEOUT_MS[\s\S]*BSS_DB_IDLE_TX_TIMEOUT_MS|BSS_DB_IDLE_TX_TIMEOUT_MS[\s\S]*BSS_DB_STATEMENT_TIMEOUT_MS/,
    );
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
    expect(run({ BSS_PORTAL_SELF_SERVE_API_TOKEN: 'a'.repeat(40) })[0]).toMatch(/same value as the default token/);
    expect(run({ BSS_PORTAL_CSR_API_TOKEN: 'short' })).toEqual(['BSS_PORTAL_CSR_API_TOKEN: token must be at least 32 characters']);
    const { BSS_API_TOKEN: _, ...noToken } = good;
    expect(() => loadServiceConfig('catalog', noToken)).toThrow(/BSS_API_TOKEN: required/);
  });

  it('maps named tokens to identities and parses service extras', () => {
    const cfg = loadServiceConfig(
      'payment',
      { ...good, BSS_OPERATOR_COCKPIT_API_TOKEN: 'b'.repeat(32), BSS_PAYMENT_PROVIDER: 'mock' },
      { BSS_PAYMENT_PROVIDER: z.enum(['mock', 'stripe']) },
    );
    expect(cfg.apiTokens.map((t) => t.identity).sort()).toEqual(['default', 'operator_cockpit', 'system']);
    expect(cfg.extra.BSS_PAYMENT_PROVIDER).toBe('mock');
  });
});

describe('identities', () => {
  const tokensOf = (env: Record<string, string>) => loadServiceConfig('crm', { ...good, ...env }).apiTokens;
  const issuesOf = (env: Record<string, string>) => {
    try {
      loadServiceConfig('crm', { ...good, ...env });
      return [];
    } catch (err) {
      return (err as ConfigError).issues.map((i) => `${i.key}: ${i.message}`);
    }
  };

  it('gives known identities their documented default scopes; the portal gets no admin, catalog:admin or audit:read', () => {
    const portal = tokensOf({ BSS_PORTAL_SELF_SERVE_API_TOKEN: 'p'.repeat(32) }).find((t) => t.identity === 'portal_self_serve')!;
    expect(portal.scopes).toEqual(DEFAULT_IDENTITY_SCOPES.portal_self_serve);
    expect(portal.scopes).toContain('crm:write');
    for (const s of ['admin', 'catalog:admin', 'audit:read', 'tenant:delegate', 'catalog:write']) expect(portal.scopes).not.toContain(s);
  });

  it('replaces the scopes with BSS_<NAME>_SCOPES and makes any name with scopes an identity, with its tenant', () => {
    const tokens = tokensOf({
      BSS_PORTAL_SELF_SERVE_API_TOKEN: 'p'.repeat(32),
      BSS_PORTAL_SELF_SERVE_SCOPES: 'catalog:read, crm:read',
      BSS_REPORTING_API_TOKEN: 'r'.repeat(32),
      BSS_REPORTING_SCOPES: 'audit:read',
      BSS_REPORTING_TENANT: 'ACME',
    });
    expect(tokens.find((t) => t.identity === 'portal_self_serve')).toMatchObject({ scopes: ['catalog:read', 'crm:read'], tenant: 'DEFAULT' });
    expect(tokens.find((t) => t.identity === 'reporting')).toMatchObject({ scopes: ['audit:read'], tenant: 'ACME' });
  });

  it('never makes an outbound vendor key a perimeter identity, and a short one does not stop start-up', () => {
    const tokens = tokensOf({ BSS_LOYALTY_API_TOKEN: 'short-vendor-key', BSS_OUTBOUND_LOYALTY_KEY: 'k' });
    expect(tokens.map((t) => t.identity).sort()).toEqual(['default', 'system']);
    expect(tokens.some((t) => t.token === 'short-vendor-key')).toBe(false);
  });

  it('takes BSS_SYSTEM_API_TOKEN when set instead of deriving it', () => {
    const cfg = loadServiceConfig('crm', { ...good, BSS_SYSTEM_API_TOKEN: 's'.repeat(40) });
    expect(cfg.outboundToken).toBe('s'.repeat(40));
    expect(cfg.apiTokens.filter((t) => t.identity === 'system')).toHaveLength(1);
  });

  it('refuses unknown, empty or orphaned scopes, bad tenants and scoped outbound keys', () => {
    expect(issuesOf({ BSS_AGENT_API_TOKEN: 'g'.repeat(32), BSS_AGENT_SCOPES: 'crm:read,crm:delete' })).toEqual(['BSS_AGENT_SCOPES: unknown scope(s): crm:delete']);
    expect(issuesOf({ BSS_AGENT_API_TOKEN: 'g'.repeat(32), BSS_AGENT_SCOPES: ' , ' })).toEqual(['BSS_AGENT_SCOPES: must name at least one scope']);
    expect(issuesOf({ BSS_AGENT_SCOPES: 'crm:read' })).toEqual(['BSS_AGENT_SCOPES: no BSS_AGENT_API_TOKEN to apply to']);
    expect(issuesOf({ BSS_AGENT_API_TOKEN: 'g'.repeat(32), BSS_AGENT_TENANT: 'lower' })[0]).toMatch(/^BSS_AGENT_TENANT: tenant must be/);
    expect(issuesOf({ BSS_OUTBOUND_LOYALTY_SCOPES: 'crm:read' })).toEqual(['BSS_OUTBOUND_LOYALTY_SCOPES: outbound credentials are never perimeter identities']);
    expect(issuesOf({ BSS_DEFAULT_SCOPES: 'crm:read' })[0]).toMatch(/^BSS_DEFAULT_SCOPES: the operator identity is BSS_API_TOKEN/);
  });
});
