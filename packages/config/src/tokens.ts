// The API-token perimeter's key material: named tokens read from env, validated before a service may start.
import type { ConfigIssue } from './env.ts';

/** A perimeter token and the service identity it authenticates as. */
export interface ApiToken {
  identity: string;
  token: string;
}

const TOKEN_KEY = /^BSS_(?:(.+)_)?API_TOKEN$/;
export const MIN_TOKEN_LENGTH = 32;

/**
 * Collects `BSS_API_TOKEN` (identity `default`, mandatory) and every `BSS_<NAME>_API_TOKEN`
 * (identity `<name>` lower-cased). Returns the tokens and every problem found.
 */
export function readApiTokens(env: Record<string, string | undefined>): { tokens: ApiToken[]; issues: ConfigIssue[] } {
  const tokens: ApiToken[] = [];
  const issues: ConfigIssue[] = [];
  for (const [key, value] of Object.entries(env)) {
    const match = TOKEN_KEY.exec(key);
    if (!match || value === undefined) continue;
    // BSS_LOYALTY_API_TOKEN-style outbound credentials are not perimeter tokens.
    const identity = match[1] ? match[1].toLowerCase() : 'default';
    if (value === 'changeme') issues.push({ key, message: 'token is the placeholder "changeme"' });
    else if (value.length < MIN_TOKEN_LENGTH) issues.push({ key, message: `token must be at least ${MIN_TOKEN_LENGTH} characters` });
    tokens.push({ identity, token: value });
  }
  if (!tokens.some((t) => t.identity === 'default')) issues.push({ key: 'BSS_API_TOKEN', message: 'required' });
  const seen = new Map<string, string>();
  for (const t of tokens) {
    const other = seen.get(t.token);
    if (other) issues.push({ key: `BSS_${t.identity.toUpperCase()}_API_TOKEN`, message: `same value as the ${other} token` });
    seen.set(t.token, t.identity);
  }
  return { tokens, issues };
}
