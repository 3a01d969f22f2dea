// The attempt decision per fault mode, with a scripted random source.
import { describe, expect, it } from 'vitest';
import { applicableRule, decideAttempt, type FaultRuleView } from './fault-decision.ts';

const rule = (over: Partial<FaultRuleView>): FaultRuleView => ({ id: 'FLT-1', taskType: null, mode: 'fail_always', probability: '1', permanent: true, enabled: true, ...over });
const draws = (...values: number[]) => () => {
  const v = values.shift();
  if (v === undefined) throw new Error('no more draws');
  return v;
};
const base = { attempt: 1, maxAttempts: 3, durationMs: 100 };

describe('fault decision', () => {
  it('without a rule every attempt succeeds in the normal duration', () => {
    expect(decideAttempt({ ...base, rule: undefined, random: draws() })).toEqual({ kind: 'succeed', durationMs: 100, faultId: null });
  });

  it('stuck hangs the first attempt only', () => {
    const r = rule({ mode: 'stuck', permanent: false });
    expect(decideAttempt({ ...base, rule: r, random: draws() }).kind).toBe('hang');
    expect(decideAttempt({ ...base, attempt: 2, rule: r, random: draws() }).kind).toBe('succeed');
  });

  it('fail_first_attempt fails attempt 1 retryably and leaves the rest alone', () => {
    const r = rule({ mode: 'fail_first_attempt', permanent: false });
    expect(decideAttempt({ ...base, rule: r, random: draws() })).toMatchObject({ kind: 'fail', permanent: false });
    expect(decideAttempt({ ...base, attempt: 2, rule: r, random: draws() }).kind).toBe('succeed');
  });

  it('fail_always fails every attempt with the rule’s permanence', () => {
    expect(decideAttempt({ ...base, attempt: 3, rule: rule({}), random: draws() })).toMatchObject({ kind: 'fail', permanent: true });
    expect(decideAttempt({ ...base, rule: rule({ permanent: false }), random: draws() })).toMatchObject({ kind: 'fail', permanent: false });
  });

  it('slow takes 2–5 × the duration and succeeds', () => {
    expect(decideAttempt({ ...base, rule: rule({ mode: 'slow', permanent: false }), random: draws(0) })).toEqual({ kind: 'succeed', durationMs: 200, faultId: 'FLT-1' });
    expect(decideAttempt({ ...base, rule: rule({ mode: 'slow', permanent: false }), random: draws(0.5) })).toMatchObject({ durationMs: 350 });
  });

  it('a fractional probability fires on a draw below it and not otherwise; 0 never draws', () => {
    const r = rule({ probability: '0.25' });
    expect(decideAttempt({ ...base, rule: r, random: draws(0.2) }).kind).toBe('fail');
    expect(decideAttempt({ ...base, rule: r, random: draws(0.25) }).kind).toBe('succeed');
    expect(decideAttempt({ ...base, rule: rule({ probability: '0' }), random: draws() }).kind).toBe('succeed');
  });

  it('the task type’s own enabled rule wins over the all-types rule; disabled rules never apply', () => {
    const all = rule({ id: 'FLT-all' });
    const own = rule({ id: 'FLT-own', taskType: 'HLR_PROVISION', mode: 'slow' });
    const off = rule({ id: 'FLT-off', taskType: 'OCS_BALANCE_INIT', enabled: false });
    expect(applicableRule([all, own, off], 'HLR_PROVISION')?.id).toBe('FLT-own');
    expect(applicableRule([all, own, off], 'OCS_BALANCE_INIT')?.id).toBe('FLT-all');
    expect(applicableRule([off], 'OCS_BALANCE_INIT')).toBeUndefined();
  });
});
