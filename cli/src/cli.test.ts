// The CLI without services: settings as `make up` leaves them, the generated command tree, help, completion, the
// destructive gate and input validation — run in-process with captured streams.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPERATIONS } from '@bss/operations';
import { describe, expect, it } from 'vitest';
import { completions } from './commands/completion.ts';
import { CliConfigError, readToken, serviceUrls } from './config.ts';
import { failureOf } from './exit-codes.ts';
import { runCli } from './main.ts';
import { buildProgram } from './program.ts';
import { createRuntime } from './runtime.ts';
import { colorize } from './terminal.ts';

const TOKEN = 't'.repeat(40);

function capture() {
  let out = '';
  const stream = (sink: (s: string) => void) => ({ write: (s: string) => (sink(s), true), isTTY: false, columns: 100 }) as unknown as NodeJS.WriteStream;
  const err = { text: '' };
  return {
    io: { stdout: stream((s) => (out += s)), stderr: stream((s) => (err.text += s)), env: { BSS_API_TOKEN: TOKEN, BSS_CRM_URL: 'http://127.0.0.1:9', BSS_CATALOG_URL: 'http://127.0.0.1:9' } as Record<string, string> },
    out: () => out,
    err: () => err.text,
  };
}

describe('settings', () => {
  it('uses the ports `make up` binds, BSS_<SVC>_PORT and BSS_<SVC>_URL overrides', () => {
    const urls = serviceUrls({ BSS_PAYMENT_PORT: '18003', BSS_CATALOG_URL: 'http://catalog.internal:80' });
    expect(urls).toMatchObject({ crm: 'http://127.0.0.1:8002', payment: 'http://127.0.0.1:18003', catalog: 'http://catalog.internal:80', 'provisioning-sim': 'http://127.0.0.1:8010' });
    expect(() => serviceUrls({ BSS_CRM_URL: 'not a url' })).toThrow(/BSS_CRM_URL is not a URL/);
  });

  it('reads the token from BSS_API_TOKEN, else .bss/api-token, else names both', () => {
    const root = `${mkdtempSync(join(tmpdir(), 'bss-cli-'))}/`;
    expect(() => readToken({}, root)).toThrow(CliConfigError);
    expect(() => readToken({}, root)).toThrow(/BSS_API_TOKEN is not set and .*\.bss\/api-token does not exist/);
    mkdirSync(`${root}.bss`);
    writeFileSync(`${root}.bss/api-token`, 'from-file-token\n');
    expect(readToken({}, root)).toBe('from-file-token');
    expect(readToken({ BSS_API_TOKEN: 'env-token' }, root)).toBe('env-token');
  });
});

describe('the command tree', () => {
  const program = buildProgram(createRuntime(capture().io));
  const find = (path: string[]) => path.reduce((c, n) => c?.commands.find((x) => x.name() === n), program as typeof program | undefined);

  it('has one command per operation, with --json, and --allow-destructive exactly on destructive ones', () => {
    for (const op of OPERATIONS.values()) {
      const cmd = find([...op.cli.command]);
      expect(cmd, op.name).toBeDefined();
      const flags = cmd!.options.map((o) => o.long);
      expect(flags).toContain('--json');
      expect(flags.includes('--allow-destructive')).toBe(op.destructive);
    }
    for (const group of ['customer', 'case', 'ticket', 'catalog', 'payment', 'inventory', 'port-request', 'clock', 'scenario', 'completion']) expect(find([group]), group).toBeDefined();
  });

  it('derives flags from the input schema, with the binding overrides and enum choices', () => {
    const open = find(['case', 'open'])!;
    expect(open.options.map((o) => o.long)).toEqual(expect.arrayContaining(['--customer', '--subject', '--category', '--priority']));
    expect(open.options.find((o) => o.long === '--priority')?.argChoices).toEqual(['low', 'normal', 'medium', 'high', 'critical']);
    expect(find(['customer', 'show'])!.registeredArguments.map((a) => a.name())).toEqual(['customerId']);
  });

  it('completes commands and flags', () => {
    expect(completions(program, ['cu'])).toEqual(['customer']);
    expect(completions(program, ['customer', 's'])).toEqual(['show']);
    expect(completions(program, ['case', 'open', '--pri'])).toEqual(['--priority']);
  });
});

describe('runCli', () => {
  it('prints help with an example for every command and exits 0', async () => {
    const c = capture();
    expect(await runCli(['port-request', 'create', '--help'], c.io)).toBe(0);
    expect(c.out()).toMatch(/Example:\n {2}\$ bss port-request create --direction port_in/);
  });

  it('refuses a destructive command without --allow-destructive (exit 2) and never calls the service', async () => {
    const c = capture();
    expect(await runCli(['payment', 'remove-method', 'PM-0001'], c.io)).toBe(2);
    expect(c.err()).toBe('POLICY_VIOLATION cli.destructive.requires_allow_flag payment.remove_method is destructive; re-run with --allow-destructive\n');
  });

  it('validates input before any call and names the bad field (exit 1)', async () => {
    const c = capture();
    expect(await runCli(['inventory', 'msisdn', 'add-range', '12', '5'], c.io)).toBe(1);
    expect(c.err()).toMatch(/^invalid input: prefix: /);
  });

  it('reports an unreachable service with exit 4', async () => {
    const c = capture();
    expect(await runCli(['catalog', 'list'], c.io)).toBe(4);
    expect(c.err()).toMatch(/^UNAVAILABLE downstream\.unreachable catalog is unreachable/);
  });

  it('prints completion scripts', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const c = capture();
      expect(await runCli(['completion', shell], c.io)).toBe(0);
      expect(c.out()).toMatch(/bss __complete/);
    }
  });
});

describe('exit codes and colour', () => {
  it('maps envelope codes to exit codes', () => {
    expect(failureOf({ code: 'POLICY_VIOLATION', reason: 'x.y', message: 'no' })).toEqual({ code: 2, line: 'POLICY_VIOLATION x.y no' });
    expect(failureOf({ code: 'NOT_FOUND', reason: 'case.not_found', message: 'gone' }).code).toBe(3);
    expect(failureOf({ code: 'DOWNSTREAM_UNAVAILABLE', reason: 'downstream.auth_failed', message: 'm', context: { downstreamReason: 'auth.scope_missing' } })).toEqual({
      code: 4,
      line: 'UNAVAILABLE downstream.auth_failed m (auth.scope_missing)',
    });
    expect(failureOf(new Error('boom')).code).toBe(1);
  });

  it('colours outside the card only when asked', () => {
    expect(colorize('● ACTIVE', false)).toBe('● ACTIVE');
    expect(colorize('● ACTIVE', true)).toBe('\u001b[32m● ACTIVE\u001b[0m');
  });
});
