// Fault-injection rules over HTTP (scope admin): create, list, get, patch, delete, every change staged as
// provisioning.fault_injection.updated; validation 400s and the rule ids.
import { createTestDatabase, scopeToken, testPlatform, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { extraEnv } from '../src/config.ts';
import { createDeps } from '../src/deps.ts';
import { buildTestApp, FAULTS, http, outbox, type TestApp } from './helpers.ts';

let db: TestDatabase;
let t: TestApp;
let api: ReturnType<typeof http>;
beforeAll(async () => {
  db = await createTestDatabase();
  t = await buildTestApp(db);
  api = http(t.app);
});
afterAll(async () => {
  await t?.app.close();
  await db?.drop();
});
beforeEach(async () => {
  await db.pool.query('TRUNCATE provisioning.fault_rule, provisioning.outbox');
});

const updates = async () => (await outbox(db, 'provisioning.fault_injection.updated')).map((e) => e.payload);

describe('fault-injection rules', () => {
  it('create → get → list → patch → delete, each change staged', async () => {
    const created = await api.post(FAULTS, { taskType: 'HLR_PROVISION', mode: 'fail_always' });
    expect(created.statusCode, created.body).toBe(201);
    const rule = created.json();
    expect(rule).toMatchObject({ taskType: 'HLR_PROVISION', mode: 'fail_always', probability: '1', permanent: true, enabled: true, '@type': 'FaultInjection' });
    expect(rule.id).toMatch(/^FLT-/);
    expect(created.headers.location).toBe(rule.href);
    expect((await api.get(`${FAULTS}/${rule.id}`)).json()).toEqual(rule);

    const all = await api.post(FAULTS, { mode: 'slow', probability: '0.250', enabled: false });
    expect(all.json()).toMatchObject({ taskType: null, probability: '0.25', permanent: false, enabled: false });
    const list = await api.get(FAULTS);
    expect(list.headers['x-total-count']).toBe('2');
    expect(list.json().map((r: { id: string }) => r.id)).toEqual([rule.id, all.json().id]);

    const patched = await api.patch(`${FAULTS}/${rule.id}`, { enabled: false, probability: '0.5', permanent: false });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ enabled: false, probability: '0.5', permanent: false, mode: 'fail_always' });
    // Switching mode away from fail_always clears permanent; back to it takes the default (true).
    expect((await api.patch(`${FAULTS}/${rule.id}`, { mode: 'stuck' })).json()).toMatchObject({ mode: 'stuck', permanent: false });
    expect((await api.patch(`${FAULTS}/${rule.id}`, { mode: 'fail_always', taskType: null })).json()).toMatchObject({ permanent: true, taskType: null });

    // An empty patch is a no-op: same rule back, nothing staged.
    const unchanged = await api.patch(`${FAULTS}/${rule.id}`, {});
    expect(unchanged.statusCode).toBe(200);
    expect(unchanged.json().updatedAt).toBe(patched.json().updatedAt);

    expect((await api.del(`${FAULTS}/${rule.id}`)).statusCode).toBe(204);
    expect((await api.get(`${FAULTS}/${rule.id}`)).json().reason).toBe('provisioning.fault_injection.not_found');

    const events = await updates();
    expect(events).toHaveLength(6);
    expect(events[0]).toEqual({ faultId: rule.id, taskType: 'HLR_PROVISION', mode: 'fail_always', probability: '1', permanent: true, enabled: true });
    expect(events[5]).toMatchObject({ faultId: rule.id, enabled: false });
  });

  it('an unknown rule is 404 provisioning.fault_injection.not_found for get, patch and delete', async () => {
    for (const res of [await api.get(`${FAULTS}/FLT-nope`), await api.patch(`${FAULTS}/FLT-nope`, { enabled: true }), await api.del(`${FAULTS}/FLT-nope`)]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().reason).toBe('provisioning.fault_injection.not_found');
    }
    expect(await updates()).toEqual([]);
  });

  it('permanent is for fail_always only (422)', async () => {
    const res = await api.post(FAULTS, { mode: 'stuck', permanent: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().reason).toBe('provisioning.fault_injection.permanent_requires_fail_always');
    const rule = (await api.post(FAULTS, { mode: 'slow' })).json();
    expect((await api.patch(`${FAULTS}/${rule.id}`, { permanent: true })).json().reason).toBe('provisioning.fault_injection.permanent_requires_fail_always');
  });

  it('refuses bad input with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ mode: 'explode' }, 'mode'],
      [{ mode: 'slow', probability: '1.5' }, 'probability'],
      [{ mode: 'slow', probability: 0.5 }, 'probability'],
      [{ mode: 'slow', probability: '-0' }, 'probability'],
      [{ mode: 'slow', taskType: 'HLR_DEPROVISION' }, 'taskType'],
      [{ mode: 'slow', colour: 'red' }, 'colour'],
      [{}, 'mode'],
    ];
    for (const [body, field] of cases) {
      const res = await api.post(FAULTS, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().context), JSON.stringify(body)).toContain(field);
    }
    expect(await updates()).toEqual([]);
  });

  it('needs the admin scope, and is off without BSS_ALLOW_ADMIN_RESET', async () => {
    const writer = await t.app.inject({ method: 'GET', url: FAULTS, headers: { 'x-bss-api-token': scopeToken('provisioning:write') } });
    expect(writer.statusCode).toBe(403);
    expect(writer.json().reason).toBe('auth.scope_missing');
    const platform = testPlatform('provisioning-sim', db, { extraEnv, outboxSchema: 'provisioning', env: { BSS_ALLOW_ADMIN_RESET: 'false' } });
    const closed = await buildApp(createDeps(platform));
    try {
      const res = await http(closed).post(FAULTS, { mode: 'stuck' });
      expect(res.statusCode).toBe(403);
      expect(res.json().reason).toBe('admin.disabled');
    } finally {
      await closed.close();
    }
  });
});
