// Proof under faults (c): every event on the exchange is delivered twice, the copy late and out of order, while
// 100 orders flow. Inbox dedupe and state-machine guards make the copies harmless: one charge per order.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startChaosReplayer, type ChaosReplayer } from './support/chaos-replayer.ts';
import { faultRun } from './support/fault-run.ts';
import { startPipelineFleet, type PipelineFleet } from './support/pipeline-fleet.ts';

let fleet: PipelineFleet;
let replayer: ChaosReplayer | undefined;
beforeAll(async () => {
  fleet = await startPipelineFleet();
});
afterAll(async () => {
  await replayer?.stop();
  await fleet?.stop();
});

it('completes 100 orders when every event is delivered twice and out of order', { timeout: 240_000 }, async () => {
  replayer = await startChaosReplayer(fleet.env.BSS_MQ_URL!, fleet.env.BSS_MQ_EXCHANGE!);
  await faultRun(fleet, {
    orders: 100,
    customers: 25,
    concurrency: 10,
    chaos: async () => {},
  });
  // every pipeline event was copied: at least the 4 provisioning requests + 4 results + 6 order/SO/sub events per order
  await replayer.stop();
  expect(replayer.copies()).toBeGreaterThan(100 * 14);
  replayer = undefined;
});
