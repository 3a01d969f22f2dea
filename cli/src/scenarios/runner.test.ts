// Runner semantics (reference §F.6) over in-memory clients: setup failure skips steps and teardown, steps are
// fail-fast, teardown always runs after steps, captures feed later steps, undefined variables fail the step.
import type { OperationClients } from '@bss/operations';
import { describe, expect, it } from 'vitest';
import { Scenario } from './format.ts';
import { renderScenarioReport, renderSummary } from './report.ts';
import { runScenario, type RunnerEnv } from './runner.ts';

function fakeEnv(opts: { resetFails?: boolean } = {}) {
  const calls: string[] = [];
  const clock = (what: string) => async (arg?: string) => {
    calls.push(`${what}${arg ? ` ${arg}` : ''}`);
    return { mode: 'frozen' as const, now: '2026-01-01T00:00:00.000Z', offsetSeconds: 0, frozenAt: null };
  };
  const admin = {
    clockNow: clock('now'),
    freezeClock: clock('freeze'),
    unfreezeClock: clock('unfreeze'),
    advanceClock: clock('advance'),
    listAuditEvents: async () => ({ events: [], count: 0, nextCursor: null }),
    resetOperationalData: async () => {
      calls.push('reset');
      if (opts.resetFails) throw Object.assign(new Error('refused'), { code: 'DOWNSTREAM_UNAVAILABLE', reason: 'downstream.auth_failed' });
      return { service: 'crm', schemas: [], resetAt: '2026-01-01T00:00:00.000Z' };
    },
  };
  const clients = {
    admin: [{ service: 'crm', reset: true, client: admin }],
    catalog: {
      listVas: async () => {
        calls.push('listVas');
        return { items: [{ id: 'VAS_DATA_1GB', name: '1 GB', priceAmount: '3.00', currency: 'SGD', allowanceType: 'data', allowanceQuantity: 1024, allowanceUnit: 'mb', expiryHours: null }], total: 1 };
      },
      getVas: async (id: string) => {
        calls.push(`getVas ${id}`);
        if (id !== 'VAS_DATA_1GB') throw Object.assign(new Error(`vas ${id} not found`), { code: 'NOT_FOUND', reason: 'catalog.vas.not_found' });
        return { id };
      },
    },
  } as unknown as OperationClients;
  const env: RunnerEnv = { clients: () => clients, urls: { crm: 'http://crm' }, token: 't' };
  return { env, calls };
}

const scenario = (steps: unknown[], extra: Record<string, unknown> = {}) =>
  Scenario.parse({ name: 'demo', setup: { reset_operational_data: true, freeze_clock_at: '2026-01-01T00:00:00Z' }, teardown: { unfreeze_clock: true }, steps, ...extra });

describe('the scenario runner', () => {
  it('runs setup, steps with captures, then teardown', async () => {
    const { env, calls } = fakeEnv();
    const r = await runScenario(
      scenario([
        { name: 'list', action: 'catalog.list_vas', capture: { vas: '$[0].id' } },
        { name: 'get captured', action: 'catalog.get_vas', args: { vasOfferingId: '{{ vas }}' } },
        { name: 'check', assert: { action: 'catalog.list_vas', expect: { VAS_DATA_1GB: { not_null: true }, '0.priceAmount': '3.00' } } },
        { name: 'refused', action: 'catalog.get_vas', args: { vasOfferingId: 'NOPE' }, expect_error: { code: 'NOT_FOUND' } },
      ]),
      env,
    );
    expect(r.ok).toBe(true);
    expect(calls).toEqual(['reset', 'freeze 2026-01-01T00:00:00Z', 'listVas', 'getVas VAS_DATA_1GB', 'listVas', 'getVas NOPE', 'unfreeze']);
    expect(r.steps[0]!.detail).toBe('vas=VAS_DATA_1GB');
    expect(renderScenarioReport(r, 100)).toMatch(/^PASS — demo \(\d+ ms\)\n {3}1 ▶ list/);
  });

  it('stops at the first failing step, still tears down, and reports the failure', async () => {
    const { env, calls } = fakeEnv();
    const r = await runScenario(
      scenario([
        { name: 'missing', action: 'catalog.get_vas', args: { vasOfferingId: 'NOPE' } },
        { name: 'never', action: 'catalog.list_vas' },
      ]),
      env,
    );
    expect(r.ok).toBe(false);
    expect(r.steps).toHaveLength(1);
    expect(r.steps[0]).toMatchObject({ ok: false, detail: 'NOT_FOUND catalog.vas.not_found vas NOPE not found' });
    expect(calls.at(-1)).toBe('unfreeze');
    expect(renderSummary([r, { name: 'other', skipped: 'tagged llm' }], 100)).toMatch(/demo\s+FAIL {2}0\/1 steps[\s\S]*other\s+SKIP/);
  });

  it('fails the scenario on a setup failure without running steps or teardown', async () => {
    const { env, calls } = fakeEnv({ resetFails: true });
    const r = await runScenario(scenario([{ name: 'never', action: 'catalog.list_vas' }]), env);
    expect(r).toMatchObject({ ok: false, steps: [], setupError: 'DOWNSTREAM_UNAVAILABLE downstream.auth_failed refused' });
    expect(calls).toEqual(['reset']);
  });

  it('turns unknown actions, bad args and undefined variables into step failures', async () => {
    for (const [step, detail] of [
      [{ name: 'x', action: 'no.such_thing' }, /unknown action no\.such_thing/],
      [{ name: 'x', action: 'catalog.get_vas', args: {} }, /invalid args for catalog\.get_vas: vasOfferingId/],
      [{ name: 'x', action: 'catalog.get_vas', args: { vasOfferingId: '{{ nope }}' } }, /undefined variable \{\{ nope \}\}/],
      [{ name: 'x', action: 'catalog.list_vas', expect_error: { code: 'NOT_FOUND' } }, /expected catalog\.list_vas to be refused/],
    ] as const) {
      const r = await runScenario(scenario([step]), fakeEnv().env);
      expect(r.steps[0]!.detail).toMatch(detail);
    }
  });

  it('fails an ask step with the reason (no agent yet)', async () => {
    const r = await runScenario(scenario([{ name: 'ask', ask: 'help' }], { tags: ['llm'] }), fakeEnv().env);
    expect(r.steps[0]).toMatchObject({ kind: 'ask', ok: false, detail: expect.stringMatching(/need the LLM agent/) });
  });
});
