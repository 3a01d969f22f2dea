import { describe, expect, it } from 'vitest';
import { formatIssues, Scenario } from './format.ts';

const base = { name: 'demo', steps: [{ name: 'list', action: 'customer.list' }] };
const issues = (raw: unknown) => {
  const r = Scenario.safeParse(raw);
  return r.success ? [] : formatIssues(r.error);
};

describe('the scenario format', () => {
  it('parses a minimal scenario with its defaults', () => {
    const s = Scenario.parse(base);
    expect(s).toMatchObject({ tags: [], setup: { reset_operational_data: false, variables: {} }, teardown: { unfreeze_clock: false } });
    expect(s.steps[0]).toMatchObject({ kind: 'action', action: 'customer.list', args: {}, capture: {} });
  });

  it('rejects unknown keys at every level, naming the path', () => {
    expect(issues({ ...base, extra: 1 })[0]).toMatch(/extra/);
    expect(issues({ ...base, setup: { reset: true } })[0]).toMatch(/^setup: .*reset/);
    expect(issues({ ...base, teardown: { unfreeze: true } })[0]).toMatch(/^teardown: .*unfreeze/);
    expect(issues({ ...base, steps: [{ name: 'x', action: 'a', argz: {} }] })[0]).toMatch(/^steps\.0: .*argz/);
    expect(issues({ ...base, steps: [{ name: 'x', assert: { action: 'a', expect: {}, tool: 'b' } }] })[0]).toMatch(/^steps\.0\.assert: .*tool/);
    expect(issues({ ...base, steps: [{ name: 'x', http: 'GET http://x', expect: { code: 200 } }] })[0]).toMatch(/^steps\.0\.expect: .*code/);
  });

  it('needs exactly one step kind, and the llm tag on a scenario that asks', () => {
    expect(issues({ ...base, steps: [{ name: 'x' }] })[0]).toMatch(/exactly one of action, assert, http, ask \(found none\)/);
    expect(issues({ ...base, steps: [{ name: 'x', action: 'a', ask: 'b' }] })[0]).toMatch(/found action, ask/);
    expect(issues({ ...base, steps: [{ name: 'x', ask: 'do it' }] })).toEqual(['tags: a scenario with an ask: step must carry the tag llm']);
    expect(issues({ ...base, tags: ['llm'], steps: [{ name: 'x', ask: 'do it' }] })).toEqual([]);
  });
});
