import { describe, expect, it } from 'vitest';
import { checkExpectations, resolvePath } from './assertions.ts';
import { jsonPath } from './jsonpath.ts';
import { interpolate, TemplateError } from './template.ts';

const sub = { id: 'SUB-1', state: 'active', balances: [{ allowanceType: 'data', remaining: 0 }, { type: 'voice', used: 3 }], tags: ['a'] };

describe('scenario expectations', () => {
  it('resolves dot paths with index and id-like list segments', () => {
    expect(resolvePath(sub, 'balances.data.remaining')).toBe(0);
    expect(resolvePath(sub, 'balances.1.used')).toBe(3);
    expect(resolvePath(sub, 'balances.sms')).toBeTypeOf('symbol');
  });

  it('checks equality and every operator, and names the failing path', () => {
    expect(checkExpectations(sub, { state: 'active', 'balances.voice.used': { gte: 3, lt: 4, in: [3], ne: 2 }, id: { starts_with: 'SUB-' }, tags: { contains: 'a' } })).toBeUndefined();
    expect(checkExpectations(sub, { state: 'blocked' })).toBe('state: expected "blocked", got "active"');
    expect(checkExpectations(sub, { missing: 1 })).toBe('missing: path did not resolve');
    expect(checkExpectations(sub, { missing: { not_null: false } })).toBeUndefined();
    expect(checkExpectations(sub, { id: { almost: 1 } })).toBe('id: unknown operator almost');
    expect(checkExpectations({ v: null }, { v: { gt: 1 } })).toBe('v: expected gt 1, got null');
  });

  it('any_match needs one element satisfying all expectations', () => {
    expect(checkExpectations(sub.balances, { any_match: { type: 'voice', used: { gt: 2 } } })).toBeUndefined();
    expect(checkExpectations(sub.balances, { any_match: { type: 'sms' } })).toMatch(/^any_match: no element/);
  });
});

describe('templating and jsonpath', () => {
  it('substitutes raw values for a whole placeholder and strings inline, recursively', () => {
    const vars = { n: 3, id: 'CUST-1' };
    expect(interpolate({ a: '{{ n }}', b: ['x-{{id}}-{{ n }}'] }, vars)).toEqual({ a: 3, b: ['x-CUST-1-3'] });
    expect(() => interpolate('{{ nope }}', vars)).toThrow(TemplateError);
  });

  it('reads $.key, [n] and [\'key\'] paths, first match, undefined when absent', () => {
    const r = { customer: { id: 'CUST-1' }, items: [{ id: 'A' }], 'odd-key': 1 };
    expect(jsonPath(r, '$.customer.id')).toBe('CUST-1');
    expect(jsonPath([{ id: 'A' }], '$[0].id')).toBe('A');
    expect(jsonPath(r, "$['odd-key']")).toBe(1);
    expect(jsonPath(r, '$.items[3].id')).toBeUndefined();
    expect(() => jsonPath(r, 'customer')).toThrow(/must start with \$/);
  });
});
