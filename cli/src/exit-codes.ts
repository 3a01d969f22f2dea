// Exit codes and how an error becomes one (cli/README.md documents them): a script or agent branches on the code,
// and on the `POLICY_VIOLATION <rule> <message>` line for policy refusals.
import { MissingSettingError } from '@bss/operations';
import { CliConfigError } from './config.ts';

export const EXIT = { ok: 0, error: 1, policy: 2, notFound: 3, unavailable: 4 } as const;

/** The rule id printed when a destructive command is refused for want of --allow-destructive. */
export const DESTRUCTIVE_RULE = 'cli.destructive.requires_allow_flag';

export interface Failure {
  code: number;
  line: string;
}

interface Coded {
  code?: unknown;
  reason?: unknown;
  message: string;
  context?: Record<string, unknown>;
}

/** The exit code and the one line printed on stderr for an error. */
export function failureOf(err: unknown): Failure {
  if (err instanceof CliConfigError || err instanceof MissingSettingError) return { code: EXIT.error, line: `configuration: ${err.message}` };
  const e = err as Coded;
  switch (e?.code) {
    case 'POLICY_VIOLATION':
      return { code: EXIT.policy, line: `POLICY_VIOLATION ${String(e.reason)} ${e.message}` };
    case 'NOT_FOUND':
      return { code: EXIT.notFound, line: `NOT_FOUND ${String(e.reason)} ${e.message}` };
    case 'DOWNSTREAM_UNAVAILABLE': {
      const why = e.context?.downstreamReason ? ` (${String(e.context.downstreamReason)})` : '';
      return { code: EXIT.unavailable, line: `UNAVAILABLE ${String(e.reason)} ${e.message}${why}` };
    }
    case 'VALIDATION_FAILED':
    case 'CONFLICT':
      return { code: EXIT.error, line: `${String(e.code)} ${String(e.reason)} ${e.message}` };
    default:
      return { code: EXIT.error, line: `error: ${err instanceof Error ? err.message : String(err)}` };
  }
}
