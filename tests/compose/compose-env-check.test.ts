// `make compose-check`'s logic against the committed compose files: compose's interpolation and environment
// resolution, then each service's real config loader. The YAML is parsed here, so no docker-compose is needed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { discoverServices } from '@bss/fleet';
import { describe, expect, it } from 'vitest';
import { checkCompose, containerEnv, interpolate, parseCompose } from '../../scripts/compose-env.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const compose = readFileSync(`${root}/docker-compose.yml`, 'utf8');
/** The secrets an operator must export before `docker compose up` (the Makefile passes the same placeholders). */
const host = {
  BSS_API_TOKEN: 'compose-check-placeholder-token-000000',
  BSS_KYC_SIGNING_SECRET: 'compose-check-placeholder-secret-00000',
  BSS_KYC_DOCUMENT_PEPPER: 'compose-check-placeholder-pepper-00000',
};

describe('the committed compose files', () => {
  it('give every service an environment its config loader accepts', async () => {
    expect(await checkCompose(compose, host, root)).toEqual([]);
    expect(await checkCompose(readFileSync(`${root}/docker-compose.infra.yml`, 'utf8'), {}, root)).toEqual([]);
  });

  it('pass the OTLP endpoint only when the host sets it (never as an empty string)', async () => {
    const without = parseCompose(compose, host).services;
    expect(containerEnv('crm', without.crm!, host)).not.toHaveProperty('BSS_OTEL_EXPORTER_OTLP_ENDPOINT');
    const withOtel = { ...host, BSS_OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318' };
    expect(containerEnv('crm', parseCompose(compose, withOtel).services.crm!, withOtel).BSS_OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://otel:4318');
    expect(await checkCompose(compose, withOtel, root)).toEqual([]);
  });

  it('resolve merged anchors and per-service overrides as compose does', () => {
    const env = containerEnv('payment', parseCompose(compose, host).services.payment!, host);
    expect(env).toMatchObject({ BSS_PAYMENT_PORT: '8000', BSS_HOST: '0.0.0.0', BSS_ALLOW_ADMIN_RESET: 'false', BSS_API_TOKEN: host.BSS_API_TOKEN });
  });
});

describe('what the check catches', () => {
  it('an empty endpoint (the shipped defect) fails every service container', async () => {
    const broken = compose.replace(/BSS_OTEL_EXPORTER_OTLP_ENDPOINT:\s*\n/, 'BSS_OTEL_EXPORTER_OTLP_ENDPOINT: ${BSS_OTEL_EXPORTER_OTLP_ENDPOINT:-}\n');
    expect(broken).not.toBe(compose);
    const problems = await checkCompose(broken, host, root);
    // every discovered service runs in a container, so every one of them fails
    expect(problems.map((p) => p.service).sort()).toEqual((await discoverServices()).map((m) => m.name).sort());
    for (const p of problems) expect(p.message).toMatch(/^BSS_OTEL_EXPORTER_OTLP_ENDPOINT: /);
  });

  it('a missing required secret, a bad value and a service without a container', async () => {
    expect(await checkCompose(compose, { ...host, BSS_API_TOKEN: undefined }, root)).toEqual([
      { service: '(file)', message: expect.stringMatching(/required variable BSS_API_TOKEN is missing/) },
    ]);
    const shortSecret = await checkCompose(compose, { ...host, BSS_KYC_SIGNING_SECRET: 'short' }, root);
    expect(shortSecret).toEqual([{ service: 'crm', message: expect.stringMatching(/BSS_KYC_SIGNING_SECRET/) }]);
    const noPayment = compose.replace(/\n {2}payment:\n(?: {4}.*\n)+/, '\n');
    expect(await checkCompose(noPayment, host, root)).toEqual([{ service: '(file)', message: 'no container runs services/payment/src/main.ts' }]);
  });
});

describe('interpolate', () => {
  it.each([
    ['${A}', { A: 'x' }, 'x'],
    ['${A}', {}, ''],
    ['${A:-d}', { A: '' }, 'd'],
    ['${A-d}', { A: '' }, ''],
    ['${A-d}', {}, 'd'],
    ['$A/$$A', { A: 'x' }, 'x/$A'],
    ['${A:?need A}', { A: 'v' }, 'v'],
  ] as const)('%s with %j → %j', (text, env, out) => expect(interpolate(text, env)).toBe(out));

  it('refuses a missing ${A:?} (and an empty one) like compose', () => {
    expect(() => interpolate('${A:?need A}', {})).toThrow(/required variable A is missing: need A/);
    expect(() => interpolate('${A:?need A}', { A: '' })).toThrow(/need A/);
    expect(interpolate('${A?need A}', { A: '' })).toBe('');
  });
});
