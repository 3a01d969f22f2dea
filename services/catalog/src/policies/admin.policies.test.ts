// The operator gate: a named actor passes; missing, blank, anonymous or context-rejected headers do not.
import { PolicyViolation } from '@bss/policy';
import { describe, expect, it } from 'vitest';
import { checkAdminActor } from './admin.policies.ts';

describe('checkAdminActor', () => {
  it('lets a named operator through', () => {
    expect(() => checkAdminActor('ops-alice', 'ops-alice')).not.toThrow();
    expect(() => checkAdminActor('system', 'system')).not.toThrow();
  });

  it.each([
    ['missing', undefined, 'system'],
    ['blank', '  ', '  '],
    ['anonymous', 'anonymous', 'anonymous'],
    ['ANONYMOUS', 'ANONYMOUS', 'ANONYMOUS'],
    ['rejected by the request context', 'bad<actor>', 'system'],
    ['repeated', ['a', 'b'], 'system'],
  ])('refuses a %s actor with catalog.admin_only', (_label, header, contextActor) => {
    let caught: unknown;
    try {
      checkAdminActor(header, contextActor);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(PolicyViolation);
    expect((caught as PolicyViolation).rule).toBe('catalog.admin_only');
  });
});
