// Parses an environment with a zod schema once, failing fast with every bad key listed at the same time.
import { z } from 'zod';

/** One bad environment key and why it was refused. */
export interface ConfigIssue {
  key: string;
  message: string;
}

/** Thrown at start-up when the environment does not parse; lists every bad key, not just the first. */
export class ConfigError extends Error {
  readonly issues: ConfigIssue[];
  constructor(issues: ConfigIssue[]) {
    super(`invalid configuration:\n${issues.map((i) => `  - ${i.key}: ${i.message}`).join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/** Parses `env` with `schema`; throws ConfigError naming each offending key. */
export function parseEnv<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const key = issue.path.map(String).join('.') || '(env)';
      // zod says "expected string, received undefined" for a missing key; an operator reads "required".
      return { key, message: env[key] === undefined ? 'required' : issue.message };
    }),
  );
}

/** An env flag: `1|true|yes|on` (case-insensitive) is true, anything else or unset is false. */
export const envFlag = z
  .string()
  .optional()
  .transform((v) => (v === undefined ? false : ['1', 'true', 'yes', 'on'].includes(v.trim().toLowerCase())));

/** A TCP port number given as a string. */
export const envPort = z.coerce.number().int().min(1).max(65535);
