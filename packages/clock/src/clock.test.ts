import { describe, expect, it } from 'vitest';
import { ControllableClock, frozenClock, parseDuration } from './clock.ts';

describe('ControllableClock', () => {
  let wall = 1_000_000;
  const clock = () => new ControllableClock(() => wall);

  it('follows the wall clock in wall mode', () => {
    const c = clock();
    wall = 5_000;
    expect(c.now().getTime()).toBe(5_000);
    expect(c.state().mode).toBe('wall');
  });

  it('freezes, advances, and keeps the offset when unfrozen', () => {
    wall = 10_000;
    const c = clock();
    c.freeze(new Date(50_000));
    wall = 20_000;
    expect(c.now().getTime()).toBe(50_000);
    c.advance(1_000);
    expect(c.now().getTime()).toBe(51_000);
    c.unfreeze();
    expect(c.now().getTime()).toBe(51_000);
    wall = 21_000;
    expect(c.now().getTime()).toBe(52_000);
    expect(c.state()).toMatchObject({ mode: 'wall', offsetSeconds: 31, frozenAt: null });
  });

  it('advances in wall mode by growing the offset and refuses to go backwards', () => {
    wall = 0;
    const c = clock();
    c.advance(86_400_000);
    expect(c.now().getTime()).toBe(86_400_000);
    expect(() => c.advance(-1)).toThrow(RangeError);
  });

  it('freezes at the current instant when no time is given', () => {
    wall = 7_000;
    const c = clock();
    c.advance(3_000);
    c.freeze();
    wall = 99_000;
    expect(c.now().getTime()).toBe(10_000);
  });

  it('frozenClock stops at the given instant', () => {
    expect(frozenClock('2026-01-01T00:00:00Z').now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('parseDuration', () => {
  it.each([
    ['45s', 45_000],
    ['15m', 900_000],
    [' 2 h ', 7_200_000],
    ['30d', 2_592_000_000],
  ])('parses %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['1w', '1h30m', '-5m', '', 'ten minutes'])('rejects %s', (text) => expect(parseDuration(text)).toBeUndefined());
});
