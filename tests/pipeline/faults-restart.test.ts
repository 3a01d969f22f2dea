// Proof under faults (b): SOM, provisioning-sim and subscription are each stopped and rebuilt (in-process fleet)
// while 100 orders flow. What they were doing is rolled back or finished; their queues hold the rest.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { faultRun } from './support/fault-run.ts';
import { startPipelineFleet, type PipelineFleet } from './support/pipeline-fleet.ts';

let fleet: PipelineFleet;
beforeAll(async () => {
  fleet = await startPipelineFleet();
});
afterAll(async () => {
  await fleet?.stop();
});

it('completes 100 orders while services are stopped and rebuilt mid-pipeline', { timeout: 240_000 }, async () => {
  const restarted: string[] = [];
  await faultRun(fleet, {
    orders: 100,
    customers: 25,
    concurrency: 10,
    async chaos(f) {
      for (const name of ['som', 'provisioning-sim', 'subscription', 'som'] as const) {
        await new Promise((r) => setTimeout(r, 500));
        await f.restart(name);
        restarted.push(name);
      }
    },
  });
  expect(restarted).toEqual(['som', 'provisioning-sim', 'subscription', 'som']);
});
