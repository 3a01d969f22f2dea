// `make up`'s own entry point (packages/fleet/src/cli/up.ts) in embedded mode, as a child process: it says
// which mode it runs in and where, generates its secrets into the state directory, serves, and on Ctrl-C
// stops the services and then the embedded PostgreSQL it started (nothing is left running).
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedEnv, embeddedPgPort, servicePorts, waitFor } from './support.ts';

const UP = fileURLToPath(new URL('../../packages/fleet/src/cli/up.ts', import.meta.url));
const stateDir = mkdtempSync(join(tmpdir(), 'bss-make-up-'));
chmodSync(stateDir, 0o755);
let child: ChildProcess | undefined;

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(stateDir, { recursive: true, force: true });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('make up (embedded mode)', () => {
  it('prints its mode, serves, and stops everything it started on Ctrl-C', async () => {
    const ports = servicePorts();
    const pgPort = embeddedPgPort();
    const { BSS_API_TOKEN: _token, ...env } = embeddedEnv(ports, pgPort, 'unused');
    const { BSS_DB_URL: _db, BSS_MQ_URL: _mq, BSS_API_TOKEN: _t, ...inherited } = process.env;
    child = spawn(process.execPath, [UP], { env: { ...inherited, ...env, BSS_STATE_DIR: stateDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += String(d)));
    child.stderr!.on('data', (d) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

    await waitFor('make up to be ready', () => (out.includes('Ctrl-C to stop.') ? true : child!.exitCode !== null ? out : undefined), 90_000);
    expect(out).toContain('BSS-CLI is up (embedded mode)');
    expect(out).toMatch(new RegExp(`database: embedded PostgreSQL postgres://postgres:\\*\\*\\*@127\\.0\\.0\\.1:${pgPort}/bss \\(data ${stateDir}/pg\\)`));
    expect(out).toContain('events:   in-process event bus');
    expect(out).toContain('BSS_EMBEDDED=1');

    // the operator token it generated opens the API
    const token = readFileSync(join(stateDir, 'api-token'), 'utf8').trim();
    const res = await fetch(`http://127.0.0.1:${ports.catalog}/tmf-api/productCatalogManagement/v4/productOffering`, { headers: { 'x-bss-api-token': token } });
    expect(res.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${ports.crm}/ready`);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'up', broker: 'up' } });

    const pid = Number(readFileSync(join(stateDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(alive(pid)).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toMatch(/SIGINT: stopping \d+ services and the embedded PostgreSQL/);
    expect(out).toContain('stopped.');
    expect(alive(pid)).toBe(false);
    expect(existsSync(join(stateDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 120_000);
});
