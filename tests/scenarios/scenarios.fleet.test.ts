// The scenario set against a real fleet of every service (real Postgres, RabbitMQ and HTTP; free ports, a fresh
// database, provisioning without delay): this is how `make test` runs the scenarios — `make scenarios` runs the
// same set over the same harness and prints the reports. Every scenario of the default set must pass; an llm
// scenario fails at its ask step, saying why.
import { fileURLToPath } from 'node:url';
import { ASK_UNSUPPORTED, loadScenario, runScenario, scenarioFiles, type RunnerEnv } from '@bss/cli';
import { createOperationClients } from '@bss/operations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenarioFleet, type ScenarioFleet } from './scenario-fleet.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let f: ScenarioFleet;
let env: RunnerEnv;

beforeAll(async () => {
  f = await startScenarioFleet();
  env = { token: f.token, urls: f.urls, variables: { portal_token: f.portalToken }, clients: (actor, channel) => createOperationClients({ urls: f.urls, token: f.token, actor, channel, kycSigningSecret: f.kycSigningSecret }) };
});
afterAll(async () => {
  await f?.stop();
});

const loaded = scenarioFiles(`${ROOT}scenarios`).map(loadScenario);

describe('the scenarios', () => {
  it('all parse', () => {
    expect(loaded.filter((l) => !l.ok)).toEqual([]);
  });

  // One after another, as run-all does: each resets the operational data the previous one left.
  const defaults = loaded.flatMap((l) => (l.ok && !l.scenario.tags.includes('llm') ? [l.scenario] : []));
  it.each(defaults.map((s) => [s.name, s] as const))('%s passes against the fleet', async (_n, scenario) => {
    const r = await runScenario(scenario, env);
    expect(r.setupError).toBeUndefined();
    expect(r.steps.filter((s) => !s.ok)).toEqual([]);
    expect(r.teardownError).toBeUndefined();
    expect(r.ok).toBe(true);
  });

  it('an llm scenario fails at its ask step, saying why', async () => {
    const llm = loaded.find((l) => l.ok && l.scenario.tags.includes('llm'));
    if (!llm?.ok) throw new Error('no llm-tagged scenario in scenarios/');
    const r = await runScenario(llm.scenario, env);
    expect(r.ok).toBe(false);
    expect(r.steps.at(-1)).toMatchObject({ kind: 'ask', ok: false, detail: ASK_UNSUPPORTED });
  });
});
