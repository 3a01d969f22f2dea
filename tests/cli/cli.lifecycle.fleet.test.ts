// The subscription lifecycle commands against every service (tests/scenarios' fleet: free ports, fresh database):
// a top-up, plan change schedule/cancel, manual renewal refused before it is due, one renewal sweep, the price
// migration's refusal of an unknown price, and termination gated by --allow-destructive.
import { runCli } from '@bss/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenarioFleet, type ScenarioFleet } from '../scenarios/scenario-fleet.ts';

let f: ScenarioFleet;
beforeAll(async () => {
  f = await startScenarioFleet();
});
afterAll(async () => {
  await f?.stop();
});

async function bss(args: string[]) {
  let stdout = '';
  let stderr = '';
  const stream = (sink: (s: string) => void) => ({ write: (s: string) => (sink(s), true), isTTY: false, columns: 100 }) as unknown as NodeJS.WriteStream;
  const code = await runCli(args, { stdout: stream((s) => (stdout += s)), stderr: stream((s) => (stderr += s)), env: { ...f.cliEnv, BSS_CLI_WIDTH: '100' } });
  return { code, stdout, stderr };
}

describe('bss subscription lifecycle commands', () => {
  it('tops up, schedules and cancels a plan change, refuses an early renewal, sweeps, and terminates only when allowed', async () => {
    const created = await bss(['customer', 'create', '--name', 'Life Cycle', '--email', `life-${Math.random().toString(36).slice(2)}@example.com`, '--card', '4242424242424242', '--json']);
    expect(created.code, created.stderr).toBe(0);
    const customerId = (JSON.parse(created.stdout) as { customer: { id: string } }).customer.id;
    const order = await bss(['order', 'create', '--customer', customerId, '--offering', 'PLAN_S', '--wait']);
    expect(order.code, order.stderr).toBe(0);
    const subId = /→ Subscription (SUB-\S+) activated/.exec(order.stdout)![1]!;

    const vas = await bss(['subscription', 'purchase-vas', subId, '--vas', 'VAS_DATA_1GB']);
    expect(vas.code, vas.stderr).toBe(0);
    expect(vas.stdout).toMatch(/^VAS-\S+ VAS_DATA_1GB charged 3\.00 SGD \(PAY-\S+\): \+1024 mb data\n/);
    expect(vas.stdout).toContain(`${subId} PLAN_S [active]`);

    const scheduled = await bss(['subscription', 'schedule-plan-change', subId, '--to', 'PLAN_L']);
    expect(scheduled.code, scheduled.stderr).toBe(0);
    expect(scheduled.stdout).toMatch(/; → PLAN_L from \d{4}-/);
    const again = await bss(['subscription', 'schedule-plan-change', subId, '--to', 'PLAN_M']);
    expect([again.code, again.stderr]).toEqual([2, expect.stringMatching(/^POLICY_VIOLATION subscription\.plan_change\.already_pending /)]);
    const cancelled = await bss(['subscription', 'cancel-plan-change', subId, '--json']);
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(JSON.parse(cancelled.stdout)).toMatchObject({ id: subId, pendingOfferingId: null });

    const early = await bss(['subscription', 'renew', subId]);
    expect([early.code, early.stderr]).toEqual([2, expect.stringMatching(/^POLICY_VIOLATION subscription\.renew\.not_due /)]);
    const sweep = await bss(['subscription', 'tick-renewals', '--json']);
    expect(sweep.code, sweep.stderr).toBe(0);
    expect(JSON.parse(sweep.stdout)).toMatchObject({ renewed: expect.not.arrayContaining([subId]), failed: [] });

    const migrate = await bss(['subscription', 'migrate-price', '--offering', 'PLAN_S', '--price', 'PRICE_NOPE', '--from', '2099-01-01T00:00:00Z']);
    expect([migrate.code, migrate.stderr]).toEqual([2, expect.stringMatching(/^POLICY_VIOLATION subscription\.migrate_price\.unknown_price /)]);

    const gated = await bss(['subscription', 'terminate', subId]);
    expect([gated.code, gated.stderr]).toEqual([2, expect.stringMatching(/^POLICY_VIOLATION cli\.destructive\.requires_allow_flag subscription\.terminate/)]);
    const terminated = await bss(['subscription', 'terminate', subId, '--reason', 'operator_requested', '--allow-destructive']);
    expect(terminated.code, terminated.stderr).toBe(0);
    expect(terminated.stdout).toContain(`${subId} PLAN_S [terminated]`);
  });
});
