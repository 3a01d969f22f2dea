// The CLI against a real fleet (every service; real Postgres, RabbitMQ and HTTP): `bss` itself, spawned as
// a process, answers a read and refuses a gated destructive command, the other exit codes hold and `scenario
// run-all` prints its summary (run in-process: the same runCli the binary calls, without a process start per call).
// The whole scenario set runs against every service in tests/scenarios/.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '@bss/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenarioFleet, type ScenarioFleet } from '../scenarios/scenario-fleet.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let f: ScenarioFleet;

beforeAll(async () => {
  f = await startScenarioFleet();
});
afterAll(async () => {
  await f?.stop();
});

/** Runs `bss …` as a child process against the fleet; `extra` env overrides. */
function bss(args: string[], extra: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${ROOT}cli/bin/bss.ts`, ...args], {
      env: { PATH: process.env.PATH ?? '', ...f.cliEnv, ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the bss process', () => {
  it('reads with --json (exit 0) and as a card', async () => {
    const json = await bss(['catalog', 'list', '--json']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { id: string }[]).map((o) => o.id)).toEqual(expect.arrayContaining(['PLAN_S', 'PLAN_M', 'PLAN_L']));
    const card = await bss(['catalog', 'list'], { BSS_CLI_WIDTH: '80' });
    expect(card.code).toBe(0);
    expect(card.stdout).toMatch(/PLAN_M ★/);
    expect(card.stdout.includes('\u001b[')).toBe(false); // not a TTY: no colour
  });

  it('refuses a destructive command without --allow-destructive before any HTTP call (exit 2)', async () => {
    // An unreachable crm proves no request was attempted: the gate answers first.
    const r = await bss(['customer', 'close', 'CUST-NOPE'], { BSS_CRM_URL: 'http://127.0.0.1:9' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^POLICY_VIOLATION cli\.destructive\.requires_allow_flag /);
  });
});

/** Runs the CLI in-process against the fleet (same code path as the binary, without a process start per call). */
async function inProcess(args: string[], extra: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const stream = (sink: (s: string) => void) => ({ write: (s: string) => (sink(s), true), isTTY: false }) as unknown as NodeJS.WriteStream;
  const code = await runCli(args, { stdout: stream((s) => (stdout += s)), stderr: stream((s) => (stderr += s)), env: { ...f.cliEnv, BSS_CLI_WIDTH: '100', ...extra } });
  return { code, stdout, stderr };
}

describe('bss exit codes against the fleet', () => {
  it('maps not found to 3, a policy refusal to 2 and an unreachable service to 4', async () => {
    const missing = await inProcess(['customer', 'show', 'CUST-NOPE']);
    expect([missing.code, missing.stderr]).toEqual([3, expect.stringMatching(/^NOT_FOUND /)]);
    const created = await inProcess(['customer', 'create', '--name', 'Exit Codes', '--email', `exit-${Math.random().toString(36).slice(2)}@example.com`, '--json']);
    const id = (JSON.parse(created.stdout) as { customer: { id: string } }).customer.id;
    const opened = await inProcess(['case', 'open', '--customer', id, '--subject', 'exit codes', '--json']);
    expect(opened.stderr).toBe('');
    const caseId = (JSON.parse(opened.stdout) as { id: string }).id;
    expect((await inProcess(['ticket', 'open', '--customer', id, '--case', caseId, '--type', 'information_request', '--subject', 'q'])).code).toBe(0);
    const policy = await inProcess(['case', 'close', caseId, '--allow-destructive']);
    expect([policy.code, policy.stderr]).toEqual([2, expect.stringMatching(/^POLICY_VIOLATION case\.close\.requires_all_tickets_resolved /)]);
    const card = await inProcess(['customer', 'show', id], { BSS_SUBSCRIPTION_URL: 'http://127.0.0.1:9' });
    expect(card.code).toBe(0);
    expect(card.stdout).toMatch(/Open Cases \(1\)/);
    expect(card.stdout).toMatch(/\(subscription service unavailable\)/);
    const down = await inProcess(['customer', 'list'], { BSS_CRM_URL: 'http://127.0.0.1:9' });
    expect([down.code, down.stderr]).toEqual([4, expect.stringMatching(/^UNAVAILABLE downstream\.unreachable /)]);
  });

  it('scenario run-all runs the default set, skipping llm-tagged scenarios, and prints a summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bss-scenarios-'));
    for (const f of ['catalog_browse.yaml', 'llm_troubleshoot_case.yaml']) copyFileSync(`${ROOT}scenarios/${f}`, join(dir, f));
    const r = await inProcess(['scenario', 'run-all', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PASS — catalog_browse \(\d+ ms\)/m);
    expect(r.stdout).toMatch(/llm_troubleshoot_case\s+SKIP/);
    const llm = await inProcess(['scenario', 'run', join(dir, 'llm_troubleshoot_case.yaml')]);
    expect(llm.code).toBe(1);
    expect(llm.stdout).toMatch(/FAIL — llm_troubleshoot_case[\s\S]*need the LLM agent/);
  });
});
