import { describe, expect, it } from 'vitest';
import { createVersionReader } from './catalog-snapshot.ts';

/** A fake version query whose answers the test releases by hand. */
function fakeQuery(versionNow: () => bigint) {
  const pending: (() => void)[] = [];
  let started = 0;
  const query = () => {
    started++;
    // The value is read when the query starts, as Postgres would see it at statement start.
    const v = versionNow();
    return new Promise<bigint>((resolve) => pending.push(() => resolve(v)));
  };
  const releaseNext = async () => {
    pending.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { query, releaseNext, started: () => started };
}

describe('createVersionReader', () => {
  it('never answers a reader with a check that started before it arrived', async () => {
    let version = 1n;
    const fake = fakeQuery(() => version);
    const read = createVersionReader(fake.query);
    const a = read(); // check #1 starts at version 1
    version = 2n; // a write commits after #1 started
    const b = read(); // must not share #1
    const c = read(); // shares the queued check with b
    await fake.releaseNext();
    expect(await a).toBe(1n);
    expect(fake.started()).toBe(2); // the queued check started only once #1 ended
    await fake.releaseNext();
    expect(await b).toBe(2n);
    expect(await c).toBe(2n);
  });

  it('shares one queued check between every reader arriving while one runs', async () => {
    const fake = fakeQuery(() => 7n);
    const read = createVersionReader(fake.query);
    const first = read();
    const others = Array.from({ length: 20 }, () => read());
    await fake.releaseNext();
    await fake.releaseNext();
    expect(await first).toBe(7n);
    expect(await Promise.all(others)).toEqual(Array(20).fill(7n));
    expect(fake.started()).toBe(2);
  });

  it('starts a fresh check for a reader arriving when none runs', async () => {
    const fake = fakeQuery(() => 3n);
    const read = createVersionReader(fake.query);
    const a = read();
    await fake.releaseNext();
    await a;
    const b = read();
    await fake.releaseNext();
    expect(await b).toBe(3n);
    expect(fake.started()).toBe(2);
  });
});
