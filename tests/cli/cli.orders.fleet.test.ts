// The order commands against every service (tests/scenarios' fleet: free ports, fresh database, no provisioning
// delay): `bss order create --wait` follows the order to its end — on a TTY the spinner shows each state on
// stderr — and prints the order card with its SOM tree; `subscription show` draws the balance bars, `esim show`
// the QR card, `customer show` lists the line and `usage simulate` parses units.
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

async function bss(args: string[], opts: { tty?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const stream = (sink: (s: string) => void, tty: boolean) => ({ write: (s: string) => (sink(s), true), isTTY: tty, columns: 100 }) as unknown as NodeJS.WriteStream;
  const code = await runCli(args, { stdout: stream((s) => (stdout += s), false), stderr: stream((s) => (stderr += s), Boolean(opts.tty)), env: { ...f.cliEnv, BSS_CLI_WIDTH: '100' } });
  return { code, stdout, stderr };
}

describe('bss order create --wait and the line it makes', () => {
  it('follows the order to completed with a spinner, then shows the tree, the subscription, the eSIM and the 360', async () => {
    const created = await bss(['customer', 'create', '--name', 'Wait Tester', '--email', `wait-${Math.random().toString(36).slice(2)}@example.com`, '--card', '4242424242424242', '--json']);
    expect(created.code).toBe(0);
    const customerId = (JSON.parse(created.stdout) as { customer: { id: string } }).customer.id;

    const order = await bss(['order', 'create', '--customer', customerId, '--offering', 'PLAN_M', '--wait'], { tty: true });
    expect(order.code, order.stderr).toBe(0);
    // the spinner's log of transitions (stderr, TTY only), ending at completed; which intermediate states a poll
    // catches depends on how fast the pipeline runs (create + submit can both land before the first poll)
    expect(order.stderr).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] ORD-\S+ (acknowledged|in_progress|completed)/);
    expect(order.stderr).toMatch(/ORD-\S+ completed\s*$/);
    expect(order.stdout).toMatch(/┌─ ORD-\S+ +PLAN_M/);
    expect(order.stdout).toMatch(/└─ Service Order SO-\S+ +completed/);
    expect(order.stdout).toMatch(/CFS SVC-\S+/);
    expect(order.stdout).toMatch(/PTK-\S+ +HLR_PROVISION +completed/);
    expect(order.stdout).toMatch(/→ Subscription (SUB-\S+) activated/);
    expect(order.stdout).toMatch(/Summary: 1 SO · 4 tasks · 0 failed/);
    const subId = /→ Subscription (SUB-\S+) activated/.exec(order.stdout)![1]!;

    const sub = await bss(['subscription', 'show', subId]);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(new RegExp(`┌─ Subscription ${subId}`));
    expect(sub.stdout).toMatch(/Customer: +Wait Tester \(CUST-/);
    expect(sub.stdout).toMatch(/State: +● ACTIVE/);
    expect(sub.stdout).toMatch(/Data +\[░{26}\] +0\.0 \/ +\d+\.0 MB +0%/);
    expect(sub.stdout).toMatch(/Renews in: 30 days|Renews in: 31 days/);

    const esim = await bss(['esim', 'show', subId]);
    expect(esim.code).toBe(0);
    expect(esim.stdout).toMatch(/eSIM Activation/);
    // A QR is drawn: its three finder patterns (the longest run of blocks elsewhere depends on the random code).
    expect(esim.stdout.match(/█ ███ █/g)?.length).toBeGreaterThanOrEqual(3);
    expect(esim.stdout).toMatch(/LPA:1\$/);

    const c360 = await bss(['customer', 'show', customerId]);
    expect(c360.stdout).toMatch(new RegExp(`Subscriptions \\(1\\)[\\s\\S]*${subId} +● ACTIVE +\\d{4} \\d{4} +PLAN_M`));
    expect(c360.stdout).toMatch(/Open Orders \(0\)/);

    const msisdn = /MSISDN: +(\d{4}) (\d{4})/.exec(sub.stdout)!;
    const used = await bss(['usage', 'simulate', '--msisdn', `${msisdn[1]}${msisdn[2]}`, '--quantity', '2GB']);
    expect(used.code, used.stderr).toBe(0);
    expect(used.stdout).toMatch(/^UE-\S+ received msisdn=\d+ 2048 mb data/);
    const bad = await bss(['usage', 'simulate', '--msisdn', '90000005', '--quantity', '5 parsecs']);
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringMatching(/^invalid input: quantity: unknown unit/)]);
  });

  it('prints no spinner when stderr is not a terminal, and a failed order says why', async () => {
    const created = await bss(['customer', 'create', '--name', 'Declined Card', '--email', `decl-${Math.random().toString(36).slice(2)}@example.com`, '--card', '4000000000000002', '--json']);
    const customerId = (JSON.parse(created.stdout) as { customer: { id: string } }).customer.id;
    const order = await bss(['order', 'create', '--customer', customerId, '--offering', 'PLAN_S', '--wait']);
    expect(order.stderr).toBe('');
    expect(order.code).toBe(0);
    expect(order.stdout).toMatch(/Order ORD-\S+ +⚠ +failed/);
    expect(order.stdout).toMatch(/Failed: activation_declined/);
  });

  it('gives up at --timeout-seconds with exit 1, showing the stuck task; the operator resolves it from the CLI', async () => {
    const fault = await bss(['prov', 'fault', 'OCS_BALANCE_INIT', 'stuck', '--allow-destructive', '--json']);
    expect(fault.code, fault.stderr).toBe(0);
    const faultId = (JSON.parse(fault.stdout) as { id: string }).id;
    const created = await bss(['customer', 'create', '--name', 'Stuck Line', '--email', `stuck-${Math.random().toString(36).slice(2)}@example.com`, '--card', '4242424242424242', '--json']);
    const customerId = (JSON.parse(created.stdout) as { customer: { id: string } }).customer.id;
    const order = await bss(['order', 'create', '--customer', customerId, '--offering', 'PLAN_S', '--wait', '--timeout-seconds', '2']);
    expect(order.code).toBe(1);
    expect(order.stderr).toMatch(/^timeout: order\.create did not reach a terminal state in time/m);
    expect(order.stdout).toMatch(/Order ORD-\S+ +in_progress/);
    expect(order.stdout).toMatch(/PTK-\S+ +OCS_BALANCE_INIT +⚠ +stuck/);
    expect(order.stdout).toMatch(/Still in_progress when the wait timed out/);
    const orderId = /Order (ORD-\S+)/.exec(order.stdout)![1]!;
    const taskId = /(PTK-\S+) +OCS_BALANCE_INIT/.exec(order.stdout)![1]!;

    expect((await bss(['prov', 'fault-delete', faultId])).code).toBe(0);
    const gated = await bss(['prov', 'abandon', taskId, '--note', 'no']);
    expect(gated.code).toBe(2);
    const resolved = await bss(['prov', 'resolve', taskId, '--note', 'OCS restarted']);
    expect([resolved.code, resolved.stdout]).toEqual([0, expect.stringMatching(new RegExp(`^${taskId} → (pending|running|completed)`))]);
    const done = await bss(['order', 'wait', orderId, '--timeout-seconds', '15']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/→ Subscription SUB-\S+ activated/);
  });
});
