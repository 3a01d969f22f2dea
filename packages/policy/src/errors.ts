// Domain errors thrown by services and policies. Only the server-kit error handler turns them into HTTP;
// each carries its envelope `code`, HTTP status and a machine-readable `reason`.

/** Base class of every error that maps to a specific non-500 envelope. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  readonly reason: string;
  readonly context: Record<string, unknown>;
  constructor(reason: string, message: string, context: Record<string, unknown> = {}) {
    super(message);
    this.reason = reason;
    this.context = context;
  }
}

/** A business rule refused the write. `rule` is the contract agents, the CLI and tests branch on. */
export class PolicyViolation extends DomainError {
  readonly code = 'POLICY_VIOLATION';
  readonly status = 422;
  override readonly name = 'PolicyViolation';
  get rule(): string {
    return this.reason;
  }
}

/**
 * The addressed entity does not exist. Missing is always 404, never a policy violation. `reason` defaults to
 * `<entity>.not_found`; a service may keep a documented rule id instead (e.g. `catalog.offering.not_found`)
 * so clients branch on one id for reads and writes alike.
 */
export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND';
  readonly status = 404;
  override readonly name = 'NotFound';
  constructor(entity: string, id: string, context: Record<string, unknown> = {}, opts: { reason?: string; message?: string } = {}) {
    super(opts.reason ?? `${entity}.not_found`, opts.message ?? `${entity} ${id} not found`, { [`${entity}Id`]: id, ...context });
  }
}

/** A uniqueness clash that got past the policies (backed by a unique index). */
export class Conflict extends DomainError {
  readonly code = 'CONFLICT';
  readonly status = 409;
  override readonly name = 'Conflict';
}

/** The request was malformed in a way the schema could not express. */
export class ValidationFailed extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  readonly status = 400;
  override readonly name = 'ValidationFailed';
}

/** A gated admin capability is switched off, or the caller may not use it. */
export class Forbidden extends DomainError {
  readonly code = 'FORBIDDEN';
  readonly status = 403;
  override readonly name = 'Forbidden';
}

/** A downstream service timed out, refused the connection or answered 5xx. */
export class DownstreamUnavailable extends DomainError {
  readonly code = 'DOWNSTREAM_UNAVAILABLE';
  readonly status = 503;
  override readonly name = 'DownstreamUnavailable';
}

/** Throws a PolicyViolation unless `condition` holds. */
export function requirePolicy(
  condition: unknown,
  rule: string,
  message: string,
  context: Record<string, unknown> = {},
): asserts condition {
  if (!condition) throw new PolicyViolation(rule, message, context);
}
