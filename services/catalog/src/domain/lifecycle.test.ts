import { PolicyViolation } from '@bss/policy';
import { describe, expect, it } from 'vitest';
import { nextLifecycle, offeringLifecycle, parseLifecycle, priceLifecycle } from './lifecycle.ts';

describe('catalog lifecycle', () => {
  it('reads the two stored states in any case and refuses any other value with the entity rule', () => {
    expect(parseLifecycle('offering', 'Active')).toBe('active');
    expect(parseLifecycle('price', 'RETIRED')).toBe('retired');
    expect(() => parseLifecycle('offering', 'In design')).toThrow(expect.objectContaining({ rule: 'catalog.offering.lifecycle_status.unsupported' }));
    expect(() => parseLifecycle('price', 'launched')).toThrow(expect.objectContaining({ rule: 'catalog.price.lifecycle_status.unsupported' }));
  });

  it('walks the table: active → retired only, staying put is no move, retired is terminal', () => {
    for (const machine of [offeringLifecycle, priceLifecycle]) {
      expect(nextLifecycle(machine, 'active', 'retired', {})).toBe('retired');
      expect(nextLifecycle(machine, 'active', 'active', {})).toBe('active');
      expect(nextLifecycle(machine, 'retired', 'retired', {})).toBe('retired');
      expect(machine.isTerminal('retired')).toBe(true);
      let refused: unknown;
      try {
        nextLifecycle(machine, 'retired', 'active', { id: 'X' });
      } catch (e) {
        refused = e;
      }
      expect(refused).toBeInstanceOf(PolicyViolation);
      expect((refused as PolicyViolation).rule).toBe(`${machine.aggregate}.transition.invalid`);
    }
  });
});
