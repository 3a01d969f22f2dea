// The only place errors become HTTP. Every non-2xx body is the one envelope (@bss/policy ErrorEnvelope).
import { loggableError, pgError, PG_FOREIGN_KEY_VIOLATION, PG_QUERY_CANCELED, PG_UNIQUE_VIOLATION } from '@bss/db';
import { isTransient } from '@bss/events';
import { DomainError, envelope, type ErrorEnvelope } from '@bss/policy';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFoundOrMethodNotAllowed } from './standard-responses.ts';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

interface Issue {
  field: string;
  message: string;
}

type ZodIssue = { path: PropertyKey[]; message: string; code?: string; errors?: ZodIssue[][] };
const isMissing = (i: ZodIssue) => i.code === 'invalid_type' && /received undefined$/.test(i.message);

/**
 * A body that may take one of several shapes (z.union: e.g. the TMF create body or a shorthand) fails as one
 * `invalid_union` issue at its root. Report the issues of the branch the client evidently meant instead: the one
 * missing the fewest required keys, then the one with the fewest issues.
 */
function unionBranch(branches: ZodIssue[][]): ZodIssue[] {
  const score = (b: ZodIssue[]) => [b.filter(isMissing).length, b.length] as const;
  return branches.reduce((best, b) => {
    const [m, n] = score(b);
    const [bm, bn] = score(best);
    return m < bm || (m === bm && n < bn) ? b : best;
  });
}

/** One issue per field (the first): a 100k-character `cvv` fails both its length and its pattern. */
function validationIssues(err: FastifyError): Issue[] {
  const context = (err as { validationContext?: string }).validationContext ?? 'body';
  const all = (err.validation ?? []).flatMap((v) => {
    const path = (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const branches = (v.params as { errors?: ZodIssue[][] } | undefined)?.errors;
    if (v.keyword === 'invalid_union' && Array.isArray(branches) && branches.length > 0) {
      return unionBranch(branches).map((i) => ({ field: [context, path, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message }));
    }
    // zod puts the path of an unknown/missing key in params for some issue kinds
    const missing = (v.params as { missingProperty?: string } | undefined)?.missingProperty;
    const field = [context, path || missing].filter(Boolean).join('.');
    return [{ field, message: v.message ?? 'invalid' }];
  });
  return all.filter((issue, i) => all.findIndex((other) => other.field === issue.field) === i);
}

/** Fastify's 4xx error codes and the envelope reason each becomes. */
const FASTIFY_REASONS: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.body_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.empty_json_body',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid_content_length',
  FST_ERR_CTP_INVALID_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_EMPTY_TYPE: 'request.unsupported_media_type',
  FST_ERR_BAD_URL: 'request.bad_url',
  FST_ERR_MAX_PARAM_LENGTH: 'request.param_too_long',
};
const FIXED_MESSAGES: Record<string, string> = {
  'request.malformed_json': 'request body is not valid JSON',
  'request.unsupported_media_type': 'unsupported Content-Type; send application/json',
  'request.body_too_large': 'request body is too large',
  'request.empty_json_body': 'request body is empty',
  'request.invalid_content_length': 'Content-Length does not match the body',
  'request.bad_url': 'the request path is not valid percent-encoded UTF-8',
};
/** idle_in_transaction_session_timeout */
const PG_IDLE_TX_TIMEOUT = '25P03';

/** Maps any thrown value to `[status, envelope]`. Unknown errors become a masked 500. */
export function toEnvelope(err: unknown, requestId: string): { status: number; body: ErrorEnvelope; log: 'warn' | 'error' | 'none' } {
  if (err instanceof DomainError) {
    return { status: err.status, body: envelope(err.status, err.code, err.reason, err.message, err.context), log: 'none' };
  }
  const fe = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const issues = validationIssues(fe);
    const message = `invalid request: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`;
    return { status: 400, body: envelope(400, 'VALIDATION_FAILED', 'request.invalid', message, { issues }), log: 'none' };
  }
  if (isResponseSerializationError(fe)) {
    return { status: 500, body: envelope(500, 'INTERNAL', 'internal', `internal error (request ${requestId})`, { requestId }), log: 'error' };
  }
  const pe = pgError(err);
  if (pe?.code === PG_UNIQUE_VIOLATION) {
    return {
      status: 409,
      body: envelope(409, 'CONFLICT', 'conflict.unique', 'a record with the same unique value already exists', {
        constraint: pe.constraint ?? null,
      }),
      log: 'warn',
    };
  }
  if (pe?.code === PG_FOREIGN_KEY_VIOLATION) {
    return {
      status: 422,
      body: envelope(422, 'POLICY_VIOLATION', 'reference.not_found', 'a referenced record does not exist', {
        constraint: pe.constraint ?? null,
      }),
      log: 'warn',
    };
  }
  // Class 22 is Postgres's "data exception": a value it cannot store (NUL, out-of-range date, integer overflow,
  // malformed json). The edge guards and schemas refuse these first; this is the net for what they miss, so
  // bad input stays a 400. The value itself is neither echoed nor logged.
  if (pe?.code.startsWith('22')) {
    return {
      status: 400,
      body: envelope(400, 'VALIDATION_FAILED', 'request.unstorable_value', 'a value in the request cannot be stored', { pgCode: pe.code }),
      log: 'warn',
    };
  }
  if (pe?.code === PG_QUERY_CANCELED || pe?.code === PG_IDLE_TX_TIMEOUT) {
    // statement_timeout / idle_in_transaction_session_timeout: the database refused to wait any longer. A
    // retryable unavailability, not a bug in the request.
    return { status: 503, body: envelope(503, 'DOWNSTREAM_UNAVAILABLE', 'database.timeout', 'the database did not answer in time', {}), log: 'warn' };
  }
  if (isTransient(err)) {
    // The database is unreachable or out of connections (SQLSTATE 08/53/57, a refused or dropped socket, a pool
    // timeout): the request was fine and a retry may succeed, so it is a 503, not a masked 500.
    return { status: 503, body: envelope(503, 'DOWNSTREAM_UNAVAILABLE', 'database.unavailable', 'the database is unavailable; retry later', {}), log: 'warn' };
  }
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const reason = fe instanceof SyntaxError ? 'request.malformed_json' : (FASTIFY_REASONS[fe.code] ?? 'request.invalid');
    const code = fe.statusCode === 400 ? 'VALIDATION_FAILED' : 'BAD_REQUEST';
    // V8's JSON.parse message quotes a slice of the body; a card number in a malformed body must never be
    // echoed back or logged, so parse failures get a fixed message. Fastify's own messages may quote the
    // content type or URL, so every mapped code gets a fixed message too.
    const message = FIXED_MESSAGES[reason] ?? fe.message;
    return { status: fe.statusCode, body: envelope(fe.statusCode, code, reason, message, {}), log: 'none' };
  }
  return { status: 500, body: envelope(500, 'INTERNAL', 'internal', `internal error (request ${requestId})`, { requestId }), log: 'error' };
}

/** Installs the error and not-found handlers (`allowedFor` tells which methods a path has, for 405). */
export function installErrorHandling(app: FastifyInstance, allowedFor: (path: string) => string[] = () => []): void {
  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const { status, body, log } = toEnvelope(err, req.id);
    // The route pattern and a log-safe error, never the URL or SQL parameters (they carry emails, names).
    const route = req.routeOptions.url;
    if (log === 'error') req.log.error({ err: loggableError(err), requestId: req.id, route }, 'unhandled error');
    else if (log === 'warn') req.log.warn({ err: loggableError(err), requestId: req.id, route }, 'mapped database error');
    return reply.code(status).type('application/json').send(body);
  });
  app.setNotFoundHandler(notFoundOrMethodNotAllowed(allowedFor));
}
