// Hostile input at the shared edge, one class per test: every answer is the project envelope with a 4xx, the
// fields are named, and nothing a client sent in a URL or a failed query reaches the logs.
import { request as httpRequest } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { migrate } from '@bss/db';
import { createPlatformApp, type App } from '@bss/server-kit';
import { createLogger } from '@bss/telemetry';
import { authHeaders, createTestDatabase, MIGRATIONS_DIR, testPlatform, type TestDatabase, type TestPlatform } from '@bss/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

let db: TestDatabase;
let platform: TestPlatform;
let app: App;
const logLines: string[] = [];
const EMAIL = 'ada.lovelace.secret@example.com';

beforeAll(async () => {
  db = await createTestDatabase();
  await migrate({ url: db.url, dir: MIGRATIONS_DIR, schemas: ['kit_hostile'], seed: false });
  const base = testPlatform('catalog', db, { outboxSchema: 'kit_hostile' });
  // The real logger at info, writing into memory, so the tests read exactly what production would log.
  platform = { ...base, logger: createLogger('catalog', 'info', { write: (line: string) => void logLines.push(line) }) };
  app = await createPlatformApp(platform, { description: 'hostile' });
  app.post(
    '/echo/:id',
    { schema: { params: z.object({ id: z.string().max(64) }), querystring: z.object({ q: z.string().max(64).optional() }), body: z.object({ s: z.string().max(100), tags: z.array(z.unknown()).max(5).optional() }) } },
    async (req) => ({ id: req.params.id, s: req.body.s }),
  );
  app.delete('/thing/:id', { schema: { params: z.object({ id: z.string().max(64) }) } }, async (req) => ({ deleted: req.params.id }));
  // A lookup whose query fails in Postgres with the email as a SQL parameter (class 22: not a uuid).
  app.get('/by-email/:email', { schema: { params: z.object({ email: z.string().max(320) }) } }, async (req) =>
    platform.database.db.execute(sql`SELECT ${req.params.email}::uuid AS id`),
  );
  // A query that fails for a reason that is not the input's (missing table) with the email as a parameter: a 500.
  app.get('/broken/:email', { schema: { params: z.object({ email: z.string().max(320) }) } }, async (req) =>
    platform.database.db.execute(sql`SELECT * FROM kit_hostile.no_such_table WHERE email = ${req.params.email}`),
  );
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const json = (extra: Record<string, string> = {}) => ({ ...authHeaders(), 'content-type': 'application/json', ...extra });
const post = (url: string, payload: string) => app.inject({ method: 'POST', url, payload, headers: json() });

function expectEnvelope(res: { statusCode: number; json(): unknown }, status: number, reason: string) {
  expect(res.statusCode).toBe(status);
  expect(res.json()).toMatchObject({ code: expect.any(String), reason, message: expect.any(String), status: String(status), context: expect.any(Object) });
}
const fields = (res: { json(): unknown }) => (res.json() as { context: { issues: { field: string }[] } }).context.issues.map((i) => i.field);

describe('strings Postgres cannot store', () => {
  it('refuses a NUL byte in a body field with 400 request.invalid_string naming the field', async () => {
    const res = await post('/echo/A', '{"s":"a\\u0000b"}');
    expectEnvelope(res, 400, 'request.invalid_string');
    expect(fields(res)).toEqual(['body.s']);
  });

  it('refuses a NUL byte deep in a body, in a key, in a path param and in a query param', async () => {
    expect(fields(await post('/echo/A', '{"s":"ok","tags":[1,{"x":"\\u0000"}]}'))).toEqual(['body.tags.1.x']);
    expect(fields(await post('/echo/A', '{"s":"ok","tags":[{"\\u0000":1}]}'))).toEqual(['body.tags.0.<key>']);
    const param = await app.inject({ method: 'POST', url: '/echo/a%00b', payload: '{"s":"ok"}', headers: json() });
    expectEnvelope(param, 400, 'request.invalid_string');
    expect(fields(param)).toEqual(['params.id']);
    const query = await app.inject({ method: 'POST', url: '/echo/A?q=x%00', payload: '{"s":"ok"}', headers: json() });
    expect(fields(query)).toEqual(['querystring.q']);
  });

  it('refuses lone UTF-16 surrogates in the body and a surrogate encoded in the path', async () => {
    const high = await post('/echo/A', '{"s":"\\ud800"}');
    expectEnvelope(high, 400, 'request.invalid_string');
    expect(high.json().context.issues[0]).toEqual({ field: 'body.s', message: 'must not contain a lone UTF-16 surrogate' });
    expect(fields(await post('/echo/A', '{"s":"x\\udfffy"}'))).toEqual(['body.s']);
    // A correctly paired surrogate (an emoji) is fine.
    expect((await post('/echo/A', '{"s":"\\ud83d\\ude00"}')).statusCode).toBe(200);
    // CESU-style UTF-8 of a surrogate cannot be decoded: the router's bad-URL path answers.
    expectEnvelope(await app.inject({ method: 'GET', url: '/thing/%ED%A0%80', headers: authHeaders() }), 400, 'request.bad_url');
  });
});

describe('framework errors are the envelope', () => {
  it('answers bad percent-encoding in the path with 400 request.bad_url, without echoing the URL', async () => {
    const res = await app.inject({ method: 'GET', url: '/thing/%E0%A4%A', headers: authHeaders() });
    expectEnvelope(res, 400, 'request.bad_url');
    expect(res.body).not.toContain('%E0');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('answers a path parameter over the router limit with 414 request.param_too_long', async () => {
    const res = await app.inject({ method: 'DELETE', url: `/thing/${'a'.repeat(501)}`, headers: authHeaders() });
    expectEnvelope(res, 414, 'request.param_too_long');
    expect(res.json().context).toEqual({ maxLength: 500 });
    // Under the router limit but over the schema's: the schema names the field.
    const schema = await app.inject({ method: 'DELETE', url: `/thing/${'a'.repeat(100)}`, headers: authHeaders() });
    expect(fields(schema)).toEqual(['params.id']);
  });

  it('answers an unsupported media type with 415 and a body over the limit with 413', async () => {
    const xml = await app.inject({ method: 'POST', url: '/echo/A', payload: '<s/>', headers: { ...authHeaders(), 'content-type': 'application/xml' } });
    expectEnvelope(xml, 415, 'request.unsupported_media_type');
    const big = await post('/echo/A', JSON.stringify({ s: 'x'.repeat(1_100_000) }));
    expectEnvelope(big, 413, 'request.body_too_large');
  });

  it('answers headers over 16 KB with an enveloped 431 written by the HTTP parser handler', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as AddressInfo;
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
        });
        let data = '';
        socket.on('data', (d) => (data += d.toString()));
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
      });
      expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
      const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
      expect(body).toMatchObject({ code: 'BAD_REQUEST', reason: 'request.headers_too_large', status: '431' });
      // A request line that is not HTTP is a 400 envelope from the same handler.
      const garbage = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
        let data = '';
        socket.on('data', (d) => (data += d.toString()));
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
      });
      expect(JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4))).toMatchObject({ reason: 'request.malformed_http', status: '400' });
      // The server still answers afterwards.
      const status = await new Promise<number>((resolve, reject) => {
        httpRequest({ port, host: '127.0.0.1', path: '/health' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      expect(status).toBe(200);
    } finally {
      await app.server.close();
    }
  });
});

describe('JSON bodies', () => {
  it('accepts Content-Type: application/json with no body on a DELETE', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/thing/T-1', headers: json() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ deleted: 'T-1' });
  });

  it('still refuses an empty body where the operation needs one, naming the body', async () => {
    const res = await app.inject({ method: 'POST', url: '/echo/A', headers: json() });
    expectEnvelope(res, 400, 'request.invalid');
    expect(fields(res)).toEqual(['body']);
  });

  it('refuses nesting deeper than 32 levels with 400 request.too_deep, before parsing', async () => {
    const deep = `{"s":"x","tags":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const res = await post('/echo/A', deep);
    expectEnvelope(res, 400, 'request.too_deep');
    expect(res.json().context).toEqual({ maxDepth: 32 });
    // Brackets inside strings do not count.
    expect((await post('/echo/A', JSON.stringify({ s: '['.repeat(99) }))).statusCode).toBe(200);
  });

  it('refuses an over-long string with 400 naming the field', async () => {
    const res = await post('/echo/A', JSON.stringify({ s: 'x'.repeat(1_000_000) }));
    expectEnvelope(res, 400, 'request.invalid');
    expect(fields(res)).toEqual(['body.s']);
  });
});

describe('dates and the clock', () => {
  it('refuses a year-0000 instant in the audit filter with 400', async () => {
    for (const at of ['0000-01-01T00:00:00Z', '0999-12-31T23:59:59Z', '9999-12-31T23:59:59-14:00']) {
      const res = await app.inject({ method: 'GET', url: `/audit-api/v1/events?occurredSince=${encodeURIComponent(at)}`, headers: authHeaders() });
      expectEnvelope(res, 400, 'request.invalid');
      expect(fields(res)).toEqual(['querystring.occurredSince']);
    }
  });

  it('refuses an absurd advance with 400 naming the field, and the clock and writes keep working', async () => {
    const send = (url: string, body: unknown) => post(url, JSON.stringify(body));
    await send('/admin-api/v1/clock/freeze', { at: '2026-03-01T00:00:00Z' });
    for (const duration of ['99999999999999999999d', '1000000000d', '36501d']) {
      const res = await send('/admin-api/v1/clock/advance', { duration });
      expectEnvelope(res, 400, 'request.invalid');
      expect(fields(res)).toEqual(['body.duration']);
    }
    // Within the duration bound but past year 9999: refused, clock unchanged.
    await send('/admin-api/v1/clock/freeze', { at: '9990-01-01T00:00:00Z' });
    const past = await send('/admin-api/v1/clock/advance', { duration: '36500d' });
    expectEnvelope(past, 400, 'admin.clock.out_of_range');
    expect(fields(past)).toEqual(['body.duration']);
    expect(platform.clock.now().toISOString()).toBe('9990-01-01T00:00:00.000Z');
    const year0 = await send('/admin-api/v1/clock/freeze', { at: '0000-01-01T00:00:00Z' });
    expectEnvelope(year0, 400, 'admin.clock.out_of_range');
    expect(fields(year0)).toEqual(['body.at']);
    // The clock still reads, probes are healthy, and a write that reads the clock succeeds.
    const now = await app.inject({ method: 'GET', url: '/admin-api/v1/clock/now', headers: authHeaders() });
    expect(now.statusCode).toBe(200);
    expect(now.json().now).toBe('9990-01-01T00:00:00.000Z');
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    const staged = await platform.database.db.transaction((tx) =>
      platform.outbox.stage(tx, { eventType: 'catalog.offering.retired', aggregateType: 'product_offering', aggregateId: 'W-CLOCK', payload: { offeringId: 'W-CLOCK', validTo: null } }),
    );
    expect(staged).toBeTruthy();
    const audit = await app.inject({ method: 'GET', url: '/audit-api/v1/events?aggregateId=W-CLOCK', headers: authHeaders() });
    expect(audit.statusCode).toBe(200);
    expect(audit.json().events[0].occurredAt).toBe('9990-01-01T00:00:00.000Z');
    await send('/admin-api/v1/clock/freeze', { at: '2026-06-01T00:00:00Z' });
  });
});

describe('logs carry route patterns and ids, never values', () => {
  it('maps a value Postgres refuses to 400 and logs neither the URL nor the SQL parameter', async () => {
    logLines.length = 0;
    const res = await app.inject({ method: 'GET', url: `/by-email/${encodeURIComponent(EMAIL)}`, headers: authHeaders() });
    expectEnvelope(res, 400, 'request.unstorable_value');
    expect(res.body).not.toContain(EMAIL);
    const broken = await app.inject({ method: 'GET', url: `/broken/${encodeURIComponent(EMAIL)}?q=${encodeURIComponent(EMAIL)}`, headers: authHeaders() });
    expectEnvelope(broken, 500, 'internal');
    const text = logLines.join('');
    expect(text).not.toContain('ada.lovelace');
    expect(text).not.toContain(authHeaders()['x-bss-api-token']);
    const lines = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.map((l) => l.route)).toEqual(['/by-email/:email', '/broken/:email']);
    expect(requests.every((l) => !('url' in l))).toBe(true);
    const failure = lines.find((l) => l.msg === 'unhandled error') as { err: { pgCode: string; query: string }; route: string };
    expect(failure.route).toBe('/broken/:email');
    expect(failure.err.pgCode).toBe('42P01');
    expect(failure.err.query).toContain('$1');
  });
});
