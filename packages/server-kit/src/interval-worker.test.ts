// The interval worker: passes run as its own system actor, never overlap, survive a failing pass, and stop()
// waits for the pass in flight before resolving.
import { createLogger, currentContext } from '@bss/telemetry';
import { describe, expect, it } from 'vitest';
import { createIntervalWorker } from './interval-worker.ts';

const logger = createLogger('interval-worker-test', 'silent');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('interval worker', () => {
  it('runs a pass on demand as its named system actor and returns the report', async () => {
    const worker = createIntervalWorker({ name: 'test.sweeper', intervalMs: 1_000, logger, run: async () => ({ actor: currentContext().actor }) });
    expect(await worker.runOnce()).toEqual({ actor: 'test.sweeper' });
  });

  it('wakes on its timer, never overlaps passes, keeps going after a failed pass, and stop() waits for the one in flight', async () => {
    let active = 0;
    let maxActive = 0;
    let passes = 0;
    let finished = 0;
    const worker = createIntervalWorker({
      name: 'test.sweeper',
      intervalMs: 5,
      logger,
      run: async () => {
        passes += 1;
        active += 1;
        maxActive = Math.max(maxActive, active);
        await sleep(20);
        active -= 1;
        finished += 1;
        if (passes === 1) throw new Error('first pass fails');
      },
    });
    await worker.start();
    while (passes < 3) await sleep(5);
    await worker.stop();
    expect(maxActive).toBe(1);
    expect(finished).toBe(passes);
    const after = passes;
    await sleep(40);
    expect(passes).toBe(after);
  });

  it('wake() runs a pass at once, and wake-ups during a pass coalesce into exactly one more pass', async () => {
    let passes = 0;
    let release!: () => void;
    let gate = new Promise<void>((resolve) => (release = resolve));
    const worker = createIntervalWorker({
      name: 'test.sweeper',
      intervalMs: 60_000,
      logger,
      run: async () => {
        passes += 1;
        await gate;
      },
    });
    await worker.start();
    worker.wake();
    expect(passes).toBe(1);
    worker.wake();
    worker.wake();
    worker.wake();
    const firstGate = release;
    gate = new Promise<void>((resolve) => (release = resolve));
    firstGate();
    while (passes < 2) await sleep(1);
    release();
    await sleep(20);
    expect(passes).toBe(2);
    await worker.stop();
  });
});
