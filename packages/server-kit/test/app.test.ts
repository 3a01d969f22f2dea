// The shared HTTP behaviour every service inherits: perimeter, envelope, context, probes, clock, audit.
import { PolicyViolation, NotFound } from '@bss/policy';
import { createPlatformApp, type App } from '@bss/server-kit';
import { migrate } from '@bss/db';
import {
  authHeaders,
  createTestDatabase,
  MIGRATIONS_DIR,
  portalHeaders,
  TEST_PORTAL_TOKEN,
  TEST_SYSTEM_TOKEN,
  tenantBHeaders,
  testPlatform,
  type TestDatabase,
  type TestPlatform,
} from '@bss/testing';
import { currentContext } from '@bss/telemetry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

let db: TestDatabase;
let platform: TestPlatform;
let app: App;

beforeAll(async () => {
  db = await createTestDatabase();
  // A schema of its own with the platform tables (outbox, inbox), as every service schema gets them.
  await migrate({ url: db.url, dir: MIGRATIONS_DIR, schemas: ['kit_test'], seed: false });
  platform = testPlatform('catalog', db, { outboxSchema: 'kit_test' });
  app = await createPlatformApp(platform, { description: 'test' });
  app.post(
    '/echo/:id',
    // An explicit scope the portal identity holds (the derived one, catalog:write, it does not).
    { config: { scope: 'crm:write' }, schema: { params: z.object({ id: z.string().regex(/^X-\d+$/) }), body: z.object({ n: z.number().int(), tag: z.string() }) } },
    async (req) => {
      if (req.body.n === 404) throw new NotFound('widget', req.params.id);
      if (req.body.n === 422) throw new PolicyViolation('widget.n.forbidden', 'n may not be 422', { n: 422 });
      if (req.body.n === 500) throw new Error('secret database password in message');
      return { id: req.params.id, ctx: currentContext() };
    },
  );
  app.post('/stage', { config: { scope: 'crm:write' } }, async () =>
    platform.database.db.transaction(async (tx) =>
      platform.outbox.stage(tx, { eventType: 'catalog.offering.retired', aggregateType: 'product_offering', aggregateId: 'W1', payload: { offeringId: 'W1', validTo: null } }),
    ),
  );
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const post = (url: string, payload: unknown, headers = authHeaders()) =>
  app.inject({ method: 'POST', url, payload: payload as object, headers: { 'content-type': 'application/json', ...headers } });

describe('perimeter', () => {
  it('refuses a request without a token with 401 AUTH_MISSING_TOKEN, even on unknown paths', async () => {
    const res = await app.inject({ method: 'GET', url: '/no/such/path' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'AUTH_MISSING_TOKEN', reason: 'auth.missing_token', status: '401' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('refuses a wrong token with 401 AUTH_INVALID_TOKEN', async () => {
    const res = await app.inject({ method: 'GET', url: '/admin-api/v1/clock/now', headers: { 'x-bss-api-token': 'x'.repeat(40) } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_INVALID_TOKEN');
  });

  it('lets the probes through without a token', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok', service: 'catalog', version: 'test' });
    const ready = await app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks).toEqual({ database: 'up', broker: 'up' });
  });

  it('maps a named token to its service identity in the request context', async () => {
    const res = await post('/echo/X-1', { n: 1, tag: 't' }, { 'x-bss-api-token': TEST_PORTAL_TOKEN, 'x-bss-actor': 'alice', 'x-bss-channel': 'portal-csr', 'x-request-id': 'req-123' });
    expect(res.statusCode).toBe(200);
    expect(res.json().ctx).toMatchObject({ serviceIdentity: 'portal_self_serve', actor: 'alice', channel: 'portal-csr', requestId: 'req-123' });
    expect(res.headers['x-request-id']).toBe('req-123');
  });
});

describe('authorization', () => {
  it('refuses an identity without the route scope with 403 auth.scope_missing naming the scope and identity', async () => {
    const res = await post('/admin-api/v1/clock/advance', { duration: '1d' }, portalHeaders());
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'AUTH_SCOPE_MISSING',
      reason: 'auth.scope_missing',
      status: '403',
      context: { scope: 'admin', identity: 'portal_self_serve' },
    });
    expect(platform.clock.now().toISOString()).toBe('2026-06-01T00:00:00.000Z');
    // The same identity reads the clock: that needs only catalog:read.
    expect((await app.inject({ method: 'GET', url: '/admin-api/v1/clock/now', headers: portalHeaders() })).statusCode).toBe(200);
  });

  it('keeps X-BSS-Actor as attribution only: no header value grants a scope', async () => {
    for (const actor of ['ops-alice', 'operator', 'admin', 'system']) {
      const res = await post('/admin-api/v1/clock/advance', { duration: '1d' }, portalHeaders({ 'x-bss-actor': actor }));
      expect(res.statusCode).toBe(403);
    }
  });

  it('takes the tenant from the identity and ignores X-BSS-Tenant from identities that may not delegate', async () => {
    const echo = async (headers: Record<string, string>) => (await post('/echo/X-1', { n: 1, tag: 't' }, headers)).json().ctx;
    expect(await echo(portalHeaders({ 'x-bss-tenant': 'OTHER' }))).toMatchObject({ tenant: 'DEFAULT', serviceIdentity: 'portal_self_serve' });
    expect(await echo(tenantBHeaders())).toMatchObject({ tenant: 'TENANT_B', serviceIdentity: 'tenant_b' });
    expect(await echo(tenantBHeaders({ 'x-bss-tenant': 'DEFAULT' }))).toMatchObject({ tenant: 'TENANT_B' });
  });

  it('lets the system identity act for the tenant of the request it serves, and refuses a malformed one', async () => {
    const system = { 'x-bss-api-token': TEST_SYSTEM_TOKEN };
    const res = await post('/echo/X-1', { n: 1, tag: 't' }, { ...system, 'x-bss-tenant': 'TENANT_B' });
    expect(res.json().ctx).toMatchObject({ tenant: 'TENANT_B', serviceIdentity: 'system' });
    const bad = await post('/echo/X-1', { n: 1, tag: 't' }, { ...system, 'x-bss-tenant': 'b; drop' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().reason).toBe('request.invalid_tenant');
  });
});

describe('error envelope', () => {
  it('answers malformed JSON with 400 request.malformed_json', async () => {
    const res = await app.inject({ method: 'POST', url: '/echo/X-1', payload: '{"n": 4111111111111111, tag]', headers: { ...authHeaders(), 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'request.malformed_json', status: '400' });
    // The parser's own message quotes the body; the envelope must not echo any of it.
    expect(res.body).not.toContain('4111');
  });

  it('names each bad field on a validation failure', async () => {
    const res = await post('/echo/X-1', { n: 'one' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    const fields = body.context.issues.map((i: { field: string }) => i.field).sort();
    expect(fields).toEqual(['body.n', 'body.tag']);
    const params = await post('/echo/bad', { n: 1, tag: 't' });
    expect(params.json().context.issues.map((i: { field: string }) => i.field)).toEqual(['params.id']);
  });

  it('maps NotFound to 404 and PolicyViolation to 422 with the rule as reason', async () => {
    const nf = await post('/echo/X-2', { n: 404, tag: 't' });
    expect(nf.statusCode).toBe(404);
    expect(nf.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'widget.not_found', context: { widgetId: 'X-2' } });
    const pv = await post('/echo/X-2', { n: 422, tag: 't' });
    expect(pv.statusCode).toBe(422);
    expect(pv.json()).toMatchObject({ code: 'POLICY_VIOLATION', reason: 'widget.n.forbidden', context: { n: 422 } });
    expect(pv.json().referenceError).toMatch(/^https:\/\/.+widget\.n\.forbidden$/);
  });

  it('masks unexpected errors as 500 INTERNAL without leaking the message', async () => {
    const res = await post('/echo/X-3', { n: 500, tag: 't' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret');
    expect(res.json()).toMatchObject({ code: 'INTERNAL', context: { requestId: res.headers['x-request-id'] } });
  });

  it('answers an unknown route with a 404 envelope once authenticated', async () => {
    const res = await app.inject({ method: 'GET', url: '/nope', headers: authHeaders() });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'route.not_found' });
  });
});

describe('clock admin', () => {
  it('freezes, advances and unfreezes the service clock', async () => {
    const f = await post('/admin-api/v1/clock/freeze', { at: '2026-03-01T10:00:00' });
    expect(f.json()).toMatchObject({ mode: 'frozen', now: '2026-03-01T10:00:00.000Z' });
    const a = await post('/admin-api/v1/clock/advance', { duration: '2h' });
    expect(a.json().now).toBe('2026-03-01T12:00:00.000Z');
    expect(platform.clock.now().toISOString()).toBe('2026-03-01T12:00:00.000Z');
    const bad = await post('/admin-api/v1/clock/advance', { duration: '2 weeks' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().context.issues[0].field).toBe('body.duration');
    const u = await post('/admin-api/v1/clock/unfreeze', {});
    expect(u.json().mode).toBe('wall');
  });

  it('refuses clock moves when admin is disabled', async () => {
    const closed = testPlatform('catalog', db, { env: { BSS_ALLOW_ADMIN_RESET: 'false' } });
    const app2 = await createPlatformApp(closed, { description: 'x' });
    const res = await app2.inject({ method: 'POST', url: '/admin-api/v1/clock/advance', payload: { duration: '1d' }, headers: authHeaders() });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN', reason: 'admin.disabled', context: { scope: 'admin' } });
    // Refused before the body is looked at: a bad body gets the same answer.
    const bad = await app2.inject({ method: 'POST', url: '/admin-api/v1/clock/advance', payload: { duration: 'soon' }, headers: authHeaders() });
    expect(bad.json().reason).toBe('admin.disabled');
    expect((await app2.inject({ method: 'GET', url: '/admin-api/v1/clock/now', headers: authHeaders() })).statusCode).toBe(200);
    await app2.close();
  });
});

describe('audit trail', () => {
  it('records a staged event with actor, channel, identity and trace, served by the audit API', async () => {
    const res = await post('/stage', {}, authHeaders({ 'x-bss-actor': 'bob', 'x-bss-channel': 'cli', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' }));
    expect(res.statusCode).toBe(200);
    const audit = await app.inject({ method: 'GET', url: '/audit-api/v1/events?aggregateId=W1', headers: authHeaders() });
    const [event] = audit.json().events;
    expect(event).toMatchObject({
      eventType: 'catalog.offering.retired',
      actor: 'bob',
      channel: 'cli',
      serviceIdentity: 'default',
      traceId: '0af7651916cd43dd8448eb211c80319c',
      payload: { offeringId: 'W1', validTo: null },
      correlationId: 'W1',
      causationId: null,
      publishedAt: null,
    });
  });

  it("shows an identity only its own tenant's events", async () => {
    const asB = await app.inject({ method: 'GET', url: '/audit-api/v1/events?aggregateId=W1', headers: tenantBHeaders() });
    expect(asB.statusCode).toBe(200);
    expect(asB.json()).toEqual({ events: [], count: 0, nextCursor: null });
    expect((await post('/stage', {}, tenantBHeaders())).statusCode).toBe(200);
    const after = (await app.inject({ method: 'GET', url: '/audit-api/v1/events?aggregateId=W1', headers: tenantBHeaders() })).json();
    expect(after.events.map((e: { tenant: string; serviceIdentity: string }) => `${e.tenant}/${e.serviceIdentity}`)).toEqual(['TENANT_B/tenant_b']);
  });
});

describe('openapi', () => {
  it('serves an OpenAPI 3.1 document with the shared routes', async () => {
    const res = await app.inject({ method: 'GET', url: '/openapi.json', headers: authHeaders() });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/ready', '/admin-api/v1/clock/now', '/audit-api/v1/events']));
  });

  it("states each operation's one scope as its security requirement, and none for the probes", async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json', headers: authHeaders() })).json();
    expect(doc.paths['/admin-api/v1/clock/advance'].post.security).toEqual([{ apiToken: ['admin'] }]);
    expect(doc.paths['/admin-api/v1/clock/now'].get.security).toEqual([{ apiToken: ['catalog:read'] }]);
    expect(doc.paths['/audit-api/v1/events'].get.security).toEqual([{ apiToken: ['audit:read'] }]);
    expect(doc.paths['/echo/{id}'].post.security).toEqual([{ apiToken: ['crm:write'] }]);
    expect(doc.paths['/health'].get.security).toEqual([]);
    expect(doc.components.securitySchemes.apiToken.description).toContain('catalog:admin');
  });

  it("lists only the component schemas the service's own operations reach, not every schema of the process", async () => {
    // All three are in zod's global registry; only the first two are reachable from a route of this app.
    const nested = z.object({ n: z.number() }).meta({ id: 'KitTestNested' });
    const used = z.object({ inner: nested }).meta({ id: 'KitTestUsed' });
    z.object({ x: z.string() }).meta({ id: 'KitTestUnused' });
    const other = await createPlatformApp(testPlatform('catalog', db, { outboxSchema: 'kit_test' }), { description: 'x' });
    other.get('/used', { schema: { response: { 200: used } } }, async () => ({ inner: { n: 1 } }));
    await other.ready();
    const names = Object.keys((other.swagger() as { components?: { schemas?: object } }).components?.schemas ?? {});
    await other.close();
    expect(names).toEqual(expect.arrayContaining(['KitTestUsed', 'KitTestNested']));
    expect(names.filter((n) => n.startsWith('KitTestUnused'))).toEqual([]);
    expect(names.filter((n) => n.startsWith('KitTest'))).toHaveLength(2);
  });

  it('refuses to register a route that names an unknown scope', async () => {
    const other = await createPlatformApp(testPlatform('catalog', db, { outboxSchema: 'kit_test' }), { description: 'x' });
    expect(() => other.get('/typo', { config: { scope: 'catalog:reed' } }, async () => ({}))).toThrow(/unknown scope 'catalog:reed'/);
    await other.close();
  });
});
