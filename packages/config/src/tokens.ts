// The perimeter's identities: named tokens with scopes and a tenant, read from env and validated before a
// service may start. Only declared identities are perimeter tokens; vendor credentials never are.
import { createHmac } from 'node:crypto';
import type { ConfigIssue } from './env.ts';
import { ALL_SCOPES, DEFAULT_IDENTITY_SCOPES, isScope } from './scopes.ts';

/** A perimeter token, the identity it authenticates as, what that identity may do and whose rows it sees. */
export interface ApiToken {
  identity: string;
  token: string;
  scopes: readonly string[];
  tenant: string;
}

export const MIN_TOKEN_LENGTH = 32;
/** The tenant of an identity that declares none. */
export const DEFAULT_TENANT = 'DEFAULT';

const NAMED_KEY = /^BSS_(.+)_(API_TOKEN|SCOPES|TENANT)$/;
const IDENTITY_NAME = /^[a-z][a-z0-9_]{0,47}$/;
const TENANT = /^[A-Z][A-Z0-9_]{0,31}$/;

/**
 * The `system` token when `BSS_SYSTEM_API_TOKEN` is unset: derived from the operator token, so every service of
 * one deployment (which all share `BSS_API_TOKEN`) agrees on it without another secret to distribute. Whoever
 * holds the operator token could compute it, and already holds every scope anyway.
 */
export function deriveSystemToken(operatorToken: string): string {
  return createHmac('sha256', operatorToken).update('bss-system-identity:v1').digest('hex');
}

function checkToken(key: string, value: string, issues: ConfigIssue[]): void {
  if (value === 'changeme') issues.push({ key, message: 'token is the placeholder "changeme"' });
  else if (value.length < MIN_TOKEN_LENGTH) issues.push({ key, message: `token must be at least ${MIN_TOKEN_LENGTH} characters` });
}

/**
 * Reads the identities:
 * - `BSS_API_TOKEN` (mandatory) is the operator identity `default`, holding every scope;
 * - `BSS_<NAME>_API_TOKEN` is identity `<name>` only when `<name>` is a known identity (DEFAULT_IDENTITY_SCOPES)
 *   or `BSS_<NAME>_SCOPES` declares its scopes (comma list, replacing a known identity's defaults);
 *   any other `*_API_TOKEN` (an outbound vendor key such as `BSS_LOYALTY_API_TOKEN`) is not an identity and is
 *   not validated here — vendor credentials belong under `BSS_OUTBOUND_<VENDOR>_KEY`;
 * - `BSS_<NAME>_TENANT` (default `DEFAULT`) is the tenant whose rows the identity sees and writes;
 * - `system` (service-to-service) always exists: `BSS_SYSTEM_API_TOKEN`, else derived from the operator token.
 * Returns the tokens and every problem found.
 */
export function readApiTokens(env: Record<string, string | undefined>): { tokens: ApiToken[]; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const declared = new Map<string, { token?: string; scopes?: string; tenant?: string }>();
  for (const [key, value] of Object.entries(env)) {
    const m = NAMED_KEY.exec(key);
    if (!m || value === undefined) continue;
    const name = m[1]!.toLowerCase();
    const entry = declared.get(name) ?? {};
    if (m[2] === 'API_TOKEN') entry.token = value;
    else if (m[2] === 'SCOPES') entry.scopes = value;
    else entry.tenant = value;
    declared.set(name, entry);
  }

  const tokens: ApiToken[] = [];
  const operator = env.BSS_API_TOKEN;
  if (operator === undefined) issues.push({ key: 'BSS_API_TOKEN', message: 'required' });
  else {
    checkToken('BSS_API_TOKEN', operator, issues);
    tokens.push({ identity: 'default', token: operator, scopes: ALL_SCOPES, tenant: DEFAULT_TENANT });
  }

  for (const [name, entry] of declared) {
    const upper = `BSS_${name.toUpperCase()}`;
    const known = Object.hasOwn(DEFAULT_IDENTITY_SCOPES, name) && name !== 'default';
    if (name === 'default') {
      issues.push({ key: `${upper}_${entry.token !== undefined ? 'API_TOKEN' : entry.scopes !== undefined ? 'SCOPES' : 'TENANT'}`, message: 'the operator identity is BSS_API_TOKEN and holds every scope' });
      continue;
    }
    if (name.startsWith('outbound_')) {
      if (entry.scopes !== undefined || entry.tenant !== undefined) {
        issues.push({ key: `${upper}_${entry.scopes !== undefined ? 'SCOPES' : 'TENANT'}`, message: 'outbound credentials are never perimeter identities' });
      }
      continue;
    }
    if (entry.token === undefined) {
      // Scopes or a tenant for an identity without a token would silently do nothing.
      if (entry.scopes !== undefined) issues.push({ key: `${upper}_SCOPES`, message: `no ${upper}_API_TOKEN to apply to` });
      if (entry.tenant !== undefined) issues.push({ key: `${upper}_TENANT`, message: `no ${upper}_API_TOKEN to apply to` });
      continue;
    }
    if (!known && entry.scopes === undefined) continue; // not an identity: an outbound key under the old naming
    if (!IDENTITY_NAME.test(name)) {
      issues.push({ key: `${upper}_API_TOKEN`, message: 'identity name must be lower-case letters, digits and _' });
      continue;
    }
    checkToken(`${upper}_API_TOKEN`, entry.token, issues);
    let scopes: readonly string[] = DEFAULT_IDENTITY_SCOPES[name] ?? [];
    if (entry.scopes !== undefined) {
      const list = entry.scopes.split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = list.filter((s) => !isScope(s));
      if (list.length === 0) issues.push({ key: `${upper}_SCOPES`, message: 'must name at least one scope' });
      else if (unknown.length) issues.push({ key: `${upper}_SCOPES`, message: `unknown scope(s): ${unknown.join(', ')}` });
      scopes = [...new Set(list)];
    }
    const tenant = entry.tenant ?? DEFAULT_TENANT;
    if (!TENANT.test(tenant)) issues.push({ key: `${upper}_TENANT`, message: 'tenant must be upper-case letters, digits and _ (at most 32)' });
    tokens.push({ identity: name, token: entry.token, scopes, tenant });
  }

  if (operator !== undefined && !tokens.some((t) => t.identity === 'system')) {
    tokens.push({ identity: 'system', token: deriveSystemToken(operator), scopes: DEFAULT_IDENTITY_SCOPES.system!, tenant: DEFAULT_TENANT });
  }
  const seen = new Map<string, string>();
  for (const t of tokens) {
    const other = seen.get(t.token);
    if (other) issues.push({ key: t.identity === 'default' ? 'BSS_API_TOKEN' : `BSS_${t.identity.toUpperCase()}_API_TOKEN`, message: `same value as the ${other} token` });
    seen.set(t.token, t.identity);
  }
  return { tokens, issues };
}
