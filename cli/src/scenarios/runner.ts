// Runs one scenario (reference §F.6): context (channel `scenario`, actor `scenario:<name>`), setup (reset, then
// clock freeze; a setup failure fails the scenario, skips the steps and the teardown), steps in order, fail-fast,
// then teardown (always after steps; its failure fails the scenario). `action:` steps call registry operations
// directly — no destructive gate, as in the reference — and `ask:` steps fail: no LLM agent is built yet.
import { randomBytes } from 'node:crypto';
import { findOperation, type OperationClients } from '@bss/operations';
import { checkExpectations } from './assertions.ts';
import type { Scenario, Step } from './format.ts';
import { jsonPath } from './jsonpath.ts';
import { interpolate } from './template.ts';

/** What the runner needs from its environment. */
export interface RunnerEnv {
  /** Clients acting as `actor` on `channel`. */
  clients(actor: string, channel: string): OperationClients;
  /** Base URLs exposed to templates as `<service>_url` (e.g. `{{ crm_url }}`) and the token for http steps. */
  urls: Record<string, string>;
  token: string;
  /**
   * Extra variables every scenario sees, e.g. `portal_token` (BSS_PORTAL_SELF_SERVE_API_TOKEN) for a scenario that
   * writes through a named identity; a scenario using one that is not set fails at that step, naming it.
   */
  variables?: Record<string, unknown>;
}

export interface StepResult {
  name: string;
  kind: Step['kind'];
  ok: boolean;
  ms: number;
  detail: string;
}

export interface ScenarioResult {
  name: string;
  ok: boolean;
  ms: number;
  steps: StepResult[];
  setupError?: string;
  teardownError?: string;
}

export const ASK_UNSUPPORTED = 'ask: steps need the LLM agent, which is not built yet — run this scenario when it lands (it is tagged llm and stays out of the default set)';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const message = (err: unknown) => {
  const e = err as { code?: string; reason?: string; message?: string };
  return e?.code ? `${e.code} ${e.reason ?? ''} ${e.message ?? ''}`.replace(/\s+/g, ' ').trim() : err instanceof Error ? err.message : String(err);
};

async function callOperation(clients: OperationClients, name: string, args: Record<string, unknown>): Promise<unknown> {
  const op = findOperation(name);
  if (!op) throw new Error(`unknown action ${name} (not in the operation registry)`);
  const parsed = op.input.safeParse(args);
  if (!parsed.success) throw new Error(`invalid args for ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`).join('; ')}`);
  return op.run(clients, parsed.data);
}

/** Re-evaluates `attempt` until it returns no failure or the poll times out; the last failure is reported. */
async function polled(poll: { interval_ms: number; timeout_seconds: number } | undefined, attempt: () => Promise<string | undefined>): Promise<string | undefined> {
  const until = performance.now() + (poll ? poll.timeout_seconds * 1000 : 0);
  for (;;) {
    let failure: string | undefined;
    try {
      failure = await attempt();
    } catch (err) {
      failure = message(err);
    }
    if (failure === undefined || !poll || performance.now() >= until) return failure;
    await sleep(poll.interval_ms);
  }
}

function captureInto(vars: Record<string, unknown>, result: unknown, capture: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [name, path] of Object.entries(capture)) {
    const v = jsonPath(result, path);
    if (v === undefined) throw new Error(`capture ${name}: ${path} matched nothing`);
    vars[name] = v;
    out.push(`${name}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  }
  return out;
}

async function httpCall(step: Extract<Step, { kind: 'http' }>, env: RunnerEnv) {
  const [method, ...rest] = step.http.split(' ');
  const url = rest.join(' ').trim();
  const headers: Record<string, string> = { accept: 'application/json', ...step.headers };
  if (step.auth) headers['x-bss-api-token'] = env.token;
  if (step.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method, headers, ...(step.json !== undefined ? { body: JSON.stringify(step.json) } : {}), signal: AbortSignal.timeout(step.timeout_seconds * 1000) });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: res.status, headers: Object.fromEntries(res.headers), body, body_text: text };
}

async function runStep(step: Step, clients: OperationClients, env: RunnerEnv, vars: Record<string, unknown>): Promise<string> {
  switch (step.kind) {
    case 'action': {
      const args = interpolate(step.args, vars);
      if (step.expect_error) {
        const want = step.expect_error;
        let err: { code?: string; reason?: string } | undefined;
        try {
          await callOperation(clients, step.action, args);
        } catch (e) {
          err = e as { code?: string; reason?: string };
        }
        if (!err) throw new Error(`expected ${step.action} to be refused (${want.code ?? ''} ${want.reason ?? ''}), it succeeded`.replace(/\s+\)/, ')'));
        if ((want.code && err.code !== want.code) || (want.reason && err.reason !== want.reason)) throw new Error(`refused with ${message(err)}, expected ${want.code ?? '*'} ${want.reason ?? '*'}`);
        return `refused as expected: ${err.code} ${err.reason}`;
      }
      const result = await callOperation(clients, step.action, args);
      return captureInto(vars, result, step.capture).join(' ');
    }
    case 'assert': {
      const { action, args, expect, poll } = step.assert;
      const failure = await polled(poll, async () => checkExpectations(await callOperation(clients, action, interpolate(args, vars)), interpolate(expect, vars)));
      if (failure) throw new Error(failure);
      return `${Object.keys(expect).length} expectation(s) held`;
    }
    case 'http': {
      const s = interpolate(step, vars);
      let last: Awaited<ReturnType<typeof httpCall>> | undefined;
      const failure = await polled(s.poll, async () => {
        last = await httpCall(s, env);
        const want = s.expect.status;
        if (want !== undefined && !(Array.isArray(want) ? want : [want]).includes(last.status)) return `status ${last.status}, expected ${JSON.stringify(want)}`;
        for (const t of s.expect.body_contains) if (!last.body_text.includes(t)) return `body does not contain ${JSON.stringify(t)}`;
        for (const t of s.expect.body_not_contains) if (last.body_text.includes(t)) return `body contains ${JSON.stringify(t)}`;
        return s.expect.body ? checkExpectations(last.body, s.expect.body) : undefined;
      });
      if (failure) throw new Error(failure);
      return [`HTTP ${last!.status}`, ...captureInto(vars, last, s.capture)].join(' ');
    }
    case 'ask':
      throw new Error(ASK_UNSUPPORTED);
  }
}

/** Seeds the variables: run_id, service URLs, then setup.variables and top-level variables in order. */
export function seedVariables(s: Scenario, urls: Record<string, string>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  // run_id: 8 hex chars for unique emails and references; run_digits: 6 digits for unique phone numbers.
  const vars: Record<string, unknown> = { run_id: randomBytes(4).toString('hex'), run_digits: String(randomBytes(4).readUInt32BE() % 1_000_000).padStart(6, '0') };
  for (const [svc, url] of Object.entries(urls)) vars[`${svc.replace(/-/g, '_')}_url`] = url;
  Object.assign(vars, extra);
  for (const [k, v] of Object.entries({ ...s.setup.variables, ...s.variables })) vars[k] = interpolate(v, vars);
  return vars;
}

export async function runScenario(s: Scenario, env: RunnerEnv): Promise<ScenarioResult> {
  const started = performance.now();
  const clients = env.clients(`scenario:${s.name}`, 'scenario');
  const result: ScenarioResult = { name: s.name, ok: false, ms: 0, steps: [] };
  const done = () => ({ ...result, ms: Math.round(performance.now() - started) });
  let vars: Record<string, unknown>;
  try {
    vars = seedVariables(s, env.urls, env.variables);
    if (s.setup.reset_operational_data) await callOperation(clients, 'admin.reset_operational_data', {});
    if (s.setup.freeze_clock_at) await callOperation(clients, 'clock.freeze', { at: interpolate(s.setup.freeze_clock_at, vars) });
  } catch (err) {
    result.setupError = message(err);
    return done();
  }
  let failed = false;
  for (const step of s.steps) {
    const t = performance.now();
    try {
      const detail = await runStep(step, clients, env, vars);
      result.steps.push({ name: step.name, kind: step.kind, ok: true, ms: Math.round(performance.now() - t), detail });
    } catch (err) {
      result.steps.push({ name: step.name, kind: step.kind, ok: false, ms: Math.round(performance.now() - t), detail: message(err) });
      failed = true;
      break;
    }
  }
  try {
    if (s.teardown.unfreeze_clock) await callOperation(clients, 'clock.unfreeze', {});
  } catch (err) {
    result.teardownError = message(err);
  }
  result.ok = !failed && !result.teardownError;
  return done();
}
