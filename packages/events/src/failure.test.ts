// Unit tests of failure classification and the retry decision (transient until the deadline, permanent
// until maxAttempts, delay by attempt tier with the last tier repeating).
import { DownstreamUnavailable, NotFound, PolicyViolation } from '@bss/policy';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decideRetry, isTransient } from './failure.ts';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('isTransient', () => {
  it('treats an unreachable or overloaded database as transient', () => {
    expect(isTransient(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransient(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransient(new Error('timeout exceeded when trying to connect'))).toBe(true);
    for (const code of ['08006', '08001', '57P01', '57P03', '53300', '40001', '40P01', '57014']) expect(isTransient(pgError(code))).toBe(true);
  });

  it('treats a downstream 503 or timeout as transient, also when wrapped as a cause', () => {
    expect(isTransient(new DownstreamUnavailable('downstream.unavailable', 'crm answered HTTP 503'))).toBe(true);
    expect(isTransient(new Error('handler failed', { cause: pgError('08006') }))).toBe(true);
  });

  it('treats validation, policy, missing entities, constraint violations and bugs as permanent', () => {
    expect(isTransient(new PolicyViolation('order.submit.requires_card', 'no card'))).toBe(false);
    expect(isTransient(new NotFound('customer', 'CUST-1'))).toBe(false);
    expect(isTransient(z.object({ a: z.string() }).safeParse({}).error)).toBe(false);
    expect(isTransient(pgError('23505'))).toBe(false);
    expect(isTransient(pgError('42P01'))).toBe(false);
    expect(isTransient(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isTransient('a string')).toBe(false);
    expect(isTransient(undefined)).toBe(false);
  });
});

describe('decideRetry', () => {
  const base = { maxAttempts: 3, deadlineMs: 15 * 60_000, retryDelaysMs: [1000, 5000, 30_000] };
  const transient = pgError('08006');
  const permanent = new PolicyViolation('x.y.z', 'no');

  it('backs off by tier and repeats the last tier', () => {
    expect(decideRetry({ ...base, err: transient, attempt: 1, elapsedMs: 0 })).toEqual({ action: 'retry', delayMs: 1000 });
    expect(decideRetry({ ...base, err: transient, attempt: 2, elapsedMs: 1000 })).toEqual({ action: 'retry', delayMs: 5000 });
    expect(decideRetry({ ...base, err: transient, attempt: 3, elapsedMs: 6000 })).toEqual({ action: 'retry', delayMs: 30_000 });
    expect(decideRetry({ ...base, err: transient, attempt: 40, elapsedMs: 600_000 })).toEqual({ action: 'retry', delayMs: 30_000 });
  });

  it('keeps retrying a transient failure past maxAttempts, and parks it once the next wait would pass the deadline', () => {
    expect(decideRetry({ ...base, err: transient, attempt: 10, elapsedMs: base.deadlineMs - 30_000 }).action).toBe('retry');
    const parked = decideRetry({ ...base, err: transient, attempt: 11, elapsedMs: base.deadlineMs - 29_999 });
    expect(parked).toEqual({ action: 'park', why: 'transient failure outlasted the retry deadline (900000 ms)' });
  });

  it('parks a permanent failure after maxAttempts, however young it is', () => {
    expect(decideRetry({ ...base, err: permanent, attempt: 2, elapsedMs: 10 }).action).toBe('retry');
    expect(decideRetry({ ...base, err: permanent, attempt: 3, elapsedMs: 10 })).toEqual({ action: 'park', why: 'permanent failure after 3 attempts' });
  });
});
