// Usage quantities as people type them, parsed into mediation's canonical units (a started MB or minute counts).
import { describe, expect, it } from 'vitest';
import { parseQuantity } from './ops/usage.ops.ts';

describe('parseQuantity', () => {
  it.each([
    ['500mb', undefined, { eventType: 'data', quantity: 500, unit: 'mb' }],
    ['2GB', undefined, { eventType: 'data', quantity: 2048, unit: 'mb' }],
    ['1.5gb', undefined, { eventType: 'data', quantity: 1536, unit: 'mb' }],
    ['10min', undefined, { eventType: 'voice', quantity: 10, unit: 'minutes' }],
    ['90s', undefined, { eventType: 'voice', quantity: 2, unit: 'minutes' }],
    ['1h', undefined, { eventType: 'voice', quantity: 60, unit: 'minutes' }],
    ['3sms', undefined, { eventType: 'sms', quantity: 3, unit: 'count' }],
    ['250', undefined, { eventType: 'data', quantity: 250, unit: 'mb' }],
    ['7', 'voice', { eventType: 'voice', quantity: 7, unit: 'minutes' }],
    ['4', 'sms', { eventType: 'sms', quantity: 4, unit: 'count' }],
  ] as const)('%s (type %s)', (text, type, want) => {
    expect(parseQuantity(text, type)).toEqual(want);
  });

  it('refuses what it cannot read: no number, an unknown unit, zero, a unit of another type', () => {
    expect(() => parseQuantity('lots')).toThrow(/not a number/);
    expect(() => parseQuantity('5 parsecs')).toThrow(/unknown unit/);
    expect(() => parseQuantity('0mb')).toThrow(/more than zero/);
    expect(() => parseQuantity('2GB', 'voice')).toThrow(/measures data, not voice/);
  });
});
