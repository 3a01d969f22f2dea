// Classifying a handler failure: transient (the world is briefly broken: database unreachable, a downstream
// 503 or timeout) keeps retrying until a long deadline; anything else is permanent (validation, policy,
// unknown entity, a bug) and parks after a few attempts, because retrying cannot change its outcome.
import { maskValues } from '@bss/db';
import { DownstreamUnavailable } from '@bss/policy';

/** Longest failure reason carried in a parked message or a log line. */
export const MAX_REASON = 500;

/**
 * A handler failure as logged or carried in a parked message's reason: a database error quotes SQL parameters
 * (names, emails) in its message, so only the masked form leaves, cut to MAX_REASON.
 */
export function describeFailure(err: unknown): string {
  return (err instanceof Error ? maskValues(err.message) : String(err)).slice(0, MAX_REASON);
}

/** Node socket errors of a connection that could not be made or was lost. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/**
 * Postgres SQLSTATEs that describe the server's condition, not the statement: connection exceptions (08),
 * insufficient resources (53: too many connections, out of memory, disk full), operator intervention (57:
 * shutdown, cannot connect now, statement timeout / cancel) and the two concurrency outcomes a rerun resolves
 * (40001 serialization failure, 40P01 deadlock), plus 55P03 lock not available.
 */
function isTransientSqlState(code: string): boolean {
  return /^(08|53|57)/.test(code) || code === '40001' || code === '40P01' || code === '55P03';
}

/** pg/pg-pool errors that carry no code but mean the connection, not the query, failed. */
const CONNECTION_MESSAGES = [/connection terminated/i, /timeout exceeded when trying to connect/i, /connection is not open/i, /Client has encountered a connection error/i, /Cannot use a pool after calling end/i];

/** True when `err` (or any error in its `cause` chain) is worth retrying until the deadline. */
export function isTransient(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DownstreamUnavailable) return true;
    if (typeof e !== 'object') return false;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && isTransientSqlState(code)))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((m) => m.test(message))) return true;
    // Errors aggregated by Promise.any / pg connect attempts on several addresses.
    if (e instanceof AggregateError && e.errors.some((inner) => isTransient(inner))) return true;
  }
  return false;
}

/** What to do with a message whose handler just failed. */
export type RetryDecision = { action: 'retry'; delayMs: number } | { action: 'park'; why: string };

/** The inputs of the decision: the failure, which attempt it was, and how long the message has been failing. */
export interface RetryInput {
  err: unknown;
  /** 1 for the first delivery. */
  attempt: number;
  /** ms since the first attempt began. */
  elapsedMs: number;
  maxAttempts: number;
  deadlineMs: number;
  retryDelaysMs: readonly number[];
}

/** Retry (tier `attempt`) or park: transient failures until the deadline, permanent ones until `maxAttempts`. */
export function decideRetry(input: RetryInput): RetryDecision {
  const { attempt, retryDelaysMs } = input;
  const delayMs = retryDelaysMs[Math.min(attempt, retryDelaysMs.length) - 1]!;
  if (isTransient(input.err)) {
    if (input.elapsedMs + delayMs <= input.deadlineMs) return { action: 'retry', delayMs };
    return { action: 'park', why: `transient failure outlasted the retry deadline (${input.deadlineMs} ms)` };
  }
  if (attempt < input.maxAttempts) return { action: 'retry', delayMs };
  return { action: 'park', why: `permanent failure after ${attempt} attempts` };
}
