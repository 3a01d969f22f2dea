// What every route can answer besides its own codes: merge-patch bodies, 405 + Allow for a known path with an
// unsupported method, and the standard error statuses listed in each operation's OpenAPI responses.
import { createPlatformApp, STANDARD_ERROR_STATUSES, type App } from '@bss/server-kit';
import { migrate } from '@bss/db';
import { authHeaders, createTestDatabase, MIGRATIONS_DIR, testPlatform, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

let db: TestDatabase;
let app: App;
const Widget = z.object({ id: z.string(), name: z.string() });

beforeAll(async () => {
  db = await createTestDatabase();
  await migrate({ url: db.url, dir: MIGRATIONS_DIR, schemas: ['kit_std'], seed: false });
  app = await createPlatformApp(testPlatform('catalog', db, { outboxSchema: 'kit_std' }), { description: 'test' });
  app.get('/widget/:id', { schema: { params: z.object({ id: z.string().max(20) }), response: { 200: Widget } } }, async (req) => ({ id: req.params.id, name: 'w' }));
  app.patch(
    '/widget/:id',
    { schema: { params: z.object({ id: z.string().max(20) }), body: z.object({ name: z.string().max(20) }).partial(), response: { 200: Widget } } },
    async (req) => ({ id: req.params.id, name: req.body.name ?? 'w' }),
  );
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe('standard responses', () => {
  it('parses application/merge-patch+json like JSON', async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: '/widget/W1',
      headers: { ...authHeaders(), 'content-type': 'application/merge-patch+json' },
      payload: JSON.stringify({ name: 'renamed' }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 'W1', name: 'renamed' });
  });

  it('refuses a malformed merge-patch body with the envelope', async () => {
    const res = await app.inject({ method: 'PATCH', url: '/widget/W1', headers: { ...authHeaders(), 'content-type': 'application/merge-patch+json' }, payload: '{"name":' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'request.malformed_json' });
  });

  it('answers 405 with Allow for a known path asked with a method it does not serve', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/widget/W1', headers: authHeaders() });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, PATCH');
    expect(res.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED', reason: 'route.method_not_allowed', status: '405', context: { method: 'DELETE' } });
  });

  it('still answers 404 for a path no route has', async () => {
    const res = await app.inject({ method: 'GET', url: '/widget/W1/nothing', headers: authHeaders() });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'route.not_found' });
  });

  it('documents the standard error statuses on every operation with a response schema', async () => {
    const doc = app.swagger() as unknown as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    for (const [path, method] of [['/widget/{id}', 'get'], ['/widget/{id}', 'patch'], ['/admin-api/v1/clock/now', 'get']] as const) {
      const codes = Object.keys(doc.paths[path]![method]!.responses);
      for (const status of STANDARD_ERROR_STATUSES) expect(codes, `${method} ${path}`).toContain(String(status));
    }
  });
});
