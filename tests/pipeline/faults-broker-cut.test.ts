// Proof under faults (a): the RabbitMQ connection of every service is cut again and again while 100 orders flow.
// Relays re-publish what was not confirmed, consumers re-attach, duplicates dedupe — every order still completes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { faultRun } from './support/fault-run.ts';
import { startPipelineFleet, type PipelineFleet } from './support/pipeline-fleet.ts';

let fleet: PipelineFleet;
beforeAll(async () => {
  fleet = await startPipelineFleet({ viaProxy: true });
});
afterAll(async () => {
  await fleet?.stop();
});

it('completes 100 orders while the broker connections are killed repeatedly mid-pipeline', { timeout: 240_000 }, async () => {
  let cuts = 0;
  await faultRun(fleet, {
    orders: 100,
    customers: 25,
    concurrency: 10,
    async chaos(f) {
      for (let i = 0; i < 8; i++) {
        await new Promise((r) => setTimeout(r, 400));
        f.proxy!.cut();
        cuts++;
      }
    },
  });
  expect(cuts).toBe(8);
});
