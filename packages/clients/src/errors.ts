// Typed errors a client raises from the downstream error envelope. They are domain errors, so when one
// escapes a service the server-kit handler re-emits the same envelope (a downstream policy violation keeps
// its rule id); unavailability of any kind becomes DownstreamUnavailable (503).
import { Conflict, DomainError, DownstreamUnavailable, ErrorEnvelope, PolicyViolation, ValidationFailed } from '@bss/policy';

/** A downstream 422 policy violation; `rule` is the downstream rule id. */
export class PolicyViolationError extends PolicyViolation {
  readonly service: string;
  constructor(service: string, env: ErrorEnvelope) {
    super(env.reason, env.message, env.context);
    this.service = service;
  }
}

/** A downstream 404. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  readonly status = 404;
  override readonly name = 'NotFoundError';
  readonly service: string;
  constructor(service: string, env: ErrorEnvelope) {
    super(env.reason, env.message, env.context);
    this.service = service;
  }
}

/** A downstream 400: this caller sent a bad request (a bug on our side, surfaced as-is). */
export class ValidationError extends ValidationFailed {
  readonly service: string;
  constructor(service: string, env: ErrorEnvelope) {
    super(env.reason, env.message, env.context);
    this.service = service;
  }
}

/** A downstream 409. */
export class ConflictError extends Conflict {
  readonly service: string;
  constructor(service: string, env: ErrorEnvelope) {
    super(env.reason, env.message, env.context);
    this.service = service;
  }
}

/** The downstream timed out, was unreachable, answered 5xx, refused our token, or answered garbage. */
export class ServiceUnavailableError extends DownstreamUnavailable {
  readonly service: string;
  readonly httpStatus: number | undefined;
  constructor(service: string, reason: string, message: string, httpStatus?: number, context: Record<string, unknown> = {}) {
    super(reason, message, { service, ...(httpStatus ? { httpStatus } : {}), ...context });
    this.service = service;
    this.httpStatus = httpStatus;
  }
}

/** Maps a non-2xx response to the matching typed error. */
export function errorFromResponse(service: string, status: number, body: unknown): DomainError {
  const parsed = ErrorEnvelope.safeParse(body);
  if (status >= 500 || status === 401 || status === 403 || !parsed.success) {
    const reason = status === 401 || status === 403 ? 'downstream.auth_failed' : 'downstream.unavailable';
    // A refused token is our deployment's problem, not the caller's input: 503 upstream. The downstream reason
    // and context (e.g. auth.scope_missing with the scope) stay readable for a CLI or agent to report.
    const detail = (status === 401 || status === 403) && parsed.success ? { downstreamReason: parsed.data.reason, ...parsed.data.context } : {};
    return new ServiceUnavailableError(service, reason, `${service} answered HTTP ${status}`, status, detail);
  }
  const env = parsed.data;
  if (status === 404) return new NotFoundError(service, env);
  if (status === 422) return new PolicyViolationError(service, env);
  if (status === 409) return new ConflictError(service, env);
  return new ValidationError(service, env);
}
