// Rejects strings Postgres cannot store before they reach a handler: a NUL byte (text and jsonb refuse it,
// `invalid byte sequence`) or a lone UTF-16 surrogate (not encodable as UTF-8; jsonb refuses `\ud800`).
// Runs in preValidation, i.e. after the perimeter and body parsing, over params, query and body alike —
// keys included, since a jsonb value stores its keys too — so one hook covers every route, present and future.
import { ValidationFailed } from '@bss/policy';
import type { FastifyInstance } from 'fastify';

interface Issue {
  field: string;
  message: string;
}

/** Why `s` cannot be stored, or undefined when it can. */
export function unstorable(s: string): string | undefined {
  if (s.includes('\u0000')) return 'must not contain a NUL character';
  if (!s.isWellFormed()) return 'must not contain a lone UTF-16 surrogate';
  return undefined;
}

/** At most this many issues are reported: a body of a million bad strings gets a short answer. */
const MAX_ISSUES = 20;

/** Walks `value` (depth is already bounded by the JSON parser) collecting unstorable strings with their path. */
export function unstorableStrings(value: unknown, path: string, issues: Issue[] = []): Issue[] {
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      const message = unstorable(v);
      if (message) issues.push({ field: at, message });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${at}.${i}`]);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        // A bad key is reported without echoing it (it may be the very character the log must not carry).
        const keyProblem = unstorable(k);
        if (keyProblem) issues.push({ field: `${at}.<key>`, message: `key ${keyProblem}` });
        else stack.push([child, `${at}.${k}`]);
      }
    }
  }
  return issues;
}

/** Installs the guard as a preValidation hook. */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const issues: Issue[] = [];
    unstorableStrings(req.params, 'params', issues);
    unstorableStrings(req.query, 'querystring', issues);
    unstorableStrings(req.body, 'body', issues);
    if (issues.length === 0) return;
    const message = `invalid request: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`;
    throw new ValidationFailed('request.invalid_string', message, { issues });
  });
}
