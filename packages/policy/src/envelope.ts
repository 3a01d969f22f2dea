// The one error envelope every non-2xx response uses, in the TMF v4 `Error` shape plus `context`.
import { z } from 'zod';

/** Base URI under which each `reason` is documented (TMF `referenceError`). */
export const REFERENCE_ERROR_BASE = 'https://bss-cli.dev/errors';

/**
 * TMF `Error` (`code`, `reason`, `message`, `status` as a string per the TMF schema, `referenceError` URI)
 * plus `context`, an object of structured facts about the failure.
 */
export const ErrorEnvelope = z
  .object({
    code: z.string().describe('POLICY_VIOLATION, VALIDATION_FAILED, NOT_FOUND, CONFLICT, AUTH_MISSING_TOKEN, …'),
    reason: z.string().describe('Machine-readable cause; for a policy violation the rule id, e.g. customer.create.email_unique'),
    message: z.string().describe('Human-readable explanation'),
    status: z.string().describe('HTTP status code as a string (TMF Error.status)'),
    referenceError: z.url().optional().describe('Documentation of this reason'),
    context: z.record(z.string(), z.unknown()).describe('Structured facts: ids, offending fields, limits'),
  })
  .meta({ id: 'Error' });
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** Builds an envelope. */
export function envelope(
  status: number,
  code: string,
  reason: string,
  message: string,
  context: Record<string, unknown> = {},
): ErrorEnvelope {
  return {
    code,
    reason,
    message,
    status: String(status),
    referenceError: `${REFERENCE_ERROR_BASE}/${encodeURIComponent(reason)}`,
    context,
  };
}
