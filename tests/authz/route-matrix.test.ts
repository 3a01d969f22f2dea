// The authorization matrix: for every service the fleet discovers, every route of its app (read from the app's
// own route table) × {no token → 401, a token lacking the route's scope → 403 auth.scope_missing naming it,
// a token holding exactly that scope → past the perimeter}. Dummy path values make the last case a 404/400
// often; that is fine — it only has to get past authentication and authorization.
import { discoverServices } from '@bss/fleet';
import type { App, ServiceModule } from '@bss/server-kit';
import { createTestDatabase, routeMatrix, scopeIdentity, testPlatform, type MatrixRoute, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const modules: ServiceModule[] = await discoverServices();
let db: TestDatabase;
const apps = new Map<string, App>();
/** The same apps with BSS_ALLOW_ADMIN_RESET off. */
const closedApps = new Map<string, App>();

async function build(mod: ServiceModule, allowAdmin: boolean): Promise<App> {
  const platform = testPlatform(mod.name, db, {
    extraEnv: mod.extraEnv ?? {},
    env: {
      BSS_KYC_SIGNING_SECRET: 'matrix-kyc-signing-secret-0123456789abcdef',
      BSS_KYC_DOCUMENT_PEPPER: 'matrix-kyc-document-pepper-0123456789abcdef', BSS_ALLOW_ADMIN_RESET: String(allowAdmin) },
    outboxSchema: mod.outboxSchema,
  });
  const app = await mod.build(platform as never);
  await app.ready();
  return app;
}

beforeAll(async () => {
  db = await createTestDatabase();
  for (const mod of modules) {
    apps.set(mod.name, await build(mod, true));
    closedApps.set(mod.name, await build(mod, false));
  }
});
afterAll(async () => {
  for (const app of [...apps.values(), ...closedApps.values()]) await app.close();
  await db?.drop();
});

const send = (app: App, r: MatrixRoute, token?: string) =>
  app.inject({ method: r.method, url: r.url, headers: token ? { 'x-bss-api-token': token } : {} });

describe.each(modules.map((m) => m.name))('%s authorization matrix', (name) => {
  it('covers every route the app registered, each with exactly one scope', () => {
    const app = apps.get(name)!;
    const routes = routeMatrix(app);
    // The route table is the app's own; a service with its business routes has far more than the platform's.
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => r.route.startsWith('/admin-api/v1/clock/') && r.method === 'POST').every((r) => r.scope === 'admin')).toBe(true);
    expect(routes.find((r) => r.route === '/audit-api/v1/events')?.scope).toBe('audit:read');
  });

  it('answers 401 without a token, 403 naming the scope with the wrong one, and lets the right one through', async () => {
    const app = apps.get(name)!;
    const failures: string[] = [];
    for (const r of routeMatrix(app)) {
      const label = `${r.method} ${r.route} [${r.scope}]`;
      const none = await send(app, r);
      if (none.statusCode !== 401) failures.push(`${label} without a token: ${none.statusCode}`);
      const wrong = await send(app, r, r.wrongToken);
      const body = r.method === 'HEAD' ? undefined : (wrong.json() as { reason?: string; context?: { scope?: string; identity?: string } });
      if (wrong.statusCode !== 403 || (body && (body.reason !== 'auth.scope_missing' || body.context?.scope !== r.scope))) {
        failures.push(`${label} with a token lacking it: ${wrong.statusCode} ${wrong.body.slice(0, 120)}`);
      }
      const right = await send(app, r, r.rightToken);
      if (right.statusCode === 401 || right.statusCode === 403) failures.push(`${label} with ${scopeIdentity(r.scope)}: ${right.statusCode} ${right.body.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses every admin route even to the admin scope while BSS_ALLOW_ADMIN_RESET is off', async () => {
    const app = closedApps.get(name)!;
    const admin = routeMatrix(app).filter((r) => r.scope === 'admin');
    expect(admin.length).toBeGreaterThanOrEqual(3);
    const failures: string[] = [];
    for (const r of admin) {
      const res = await send(app, r, r.rightToken);
      // A HEAD response has no body by definition: its status is all there is to check.
      const reason = r.method === 'HEAD' ? 'admin.disabled' : (res.json() as { reason?: string }).reason;
      if (res.statusCode !== 403 || reason !== 'admin.disabled') failures.push(`${r.method} ${r.route}: ${res.statusCode} ${reason}`);
    }
    expect(failures).toEqual([]);
  });
});
