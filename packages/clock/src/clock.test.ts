import { describe, expect, it } from 'vitest';
import { CLOCK_MAX_MS, ClockRangeError, ControllableClock, frozenClock, parseDuration } from './clock.ts';

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

  it('never holds an instant outside 1970–9999: refused moves leave it unchanged', () => {
    const c = frozenClock('9999-06-01T00:00:00Z');
    expect(() => c.advance(365 * 86_400_000)).toThrow(ClockRangeError);
    expect(c.now().toISOString()).toBe('9999-06-01T00:00:00.000Z');
    expect(() => c.freeze(new Date('0000-01-01T00:00:00Z'))).toThrow(ClockRangeError);
    expect(() => c.freeze(new Date(Number.NaN))).toThrow(ClockRangeError);
    expect(() => c.freeze(new Date(CLOCK_MAX_MS + 1))).toThrow(ClockRangeError);
    expect(c.now().toISOString()).toBe('9999-06-01T00:00:00.000Z');
    c.freeze(new Date(CLOCK_MAX_MS));
    expect(c.now().toISOString()).toBe('9999-12-31T23:59:59.999Z');
    // In wall mode a clock advanced to the bound stays there rather than drifting past it.
    wall = 0;
    const w = clock();
    w.advance(CLOCK_MAX_MS);
    wall = 60_000;
    expect(w.now().getTime()).toBe(CLOCK_MAX_MS);
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

  it('accepts up to 100 years and rejects more, however it is spelled', () => {
    expect(parseDuration('36500d')).toBe(36_500 * 86_400_000);
    expect(parseDuration('36501d')).toBeUndefined();
    expect(parseDuration('876001h')).toBeUndefined();
    expect(parseDuration('99999999999999999999d')).toBeUndefined();
  });

  it.each(['1w', '1h30m', '-5m', '', 'ten minutes'])('rejects %s', (text) => expect(parseDuration(text)).toBeUndefined());
});
