// The client base against a real HTTP server: context propagation, typed errors, timeouts, no retries.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpClient, NotFoundError, PolicyViolationError, ServiceUnavailableError } from '@bss/clients';
import { runWithContext, systemContext } from '@bss/telemetry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

let server: Server;
let base: string;
const seen: IncomingMessage[] = [];
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    hits++;
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const env = (status: number, code: string, reason: string) => ({ code, reason, message: reason, status: String(status), context: { x: 1 } });
    if (req.url === '/ok') return json(200, { id: 'A', n: 1 });
    if (req.url?.startsWith('/list')) return json(200, [{ id: 'A', n: 1 }], { 'x-total-count': '7' });
    if (req.url === '/missing') return json(404, env(404, 'NOT_FOUND', 'thing.not_found'));
    if (req.url === '/policy') return json(422, env(422, 'POLICY_VIOLATION', 'thing.create.forbidden'));
    if (req.url === '/boom') return json(500, env(500, 'INTERNAL', 'internal'));
    if (req.url === '/shape') return json(200, { id: 5 });
    if (req.url === '/slow') return setTimeout(() => json(200, { id: 'late', n: 0 }), 500).unref();
    json(404, env(404, 'NOT_FOUND', 'route.not_found'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const Thing = z.object({ id: z.string(), n: z.number() });
const client = () => createHttpClient('thing', { baseUrl: base, token: 't'.repeat(32), timeoutMs: 200 });

describe('createHttpClient', () => {
  it('sends the token and the caller context, and parses the body', async () => {
    const ctx = systemContext({ actor: 'alice', channel: 'cli', tenant: 'ACME', requestId: 'req-9', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    const thing = await runWithContext(ctx, () => client().request(Thing, { method: 'GET', path: '/ok' }));
    expect(thing).toEqual({ id: 'A', n: 1 });
    const h = seen.at(-1)!.headers;
    expect(h).toMatchObject({ 'x-bss-api-token': 't'.repeat(32), 'x-bss-actor': 'alice', 'x-bss-channel': 'cli', 'x-bss-tenant': 'ACME', 'x-request-id': 'req-9' });
    expect(h.traceparent).toBe(ctx.traceparent);
  });

  it('returns X-Total-Count with list pages', async () => {
    const page = await client().requestPage(Thing, { method: 'GET', path: '/list', query: { limit: 1, skip: undefined } });
    expect(page).toEqual({ items: [{ id: 'A', n: 1 }], total: 7 });
    expect(seen.at(-1)!.url).toBe('/list?limit=1');
  });

  it('turns envelopes into typed errors', async () => {
    await expect(client().request(Thing, { method: 'GET', path: '/missing' })).rejects.toBeInstanceOf(NotFoundError);
    const err = await client().request(Thing, { method: 'GET', path: '/policy' }).catch((e) => e);
    expect(err).toBeInstanceOf(PolicyViolationError);
    expect(err.rule).toBe('thing.create.forbidden');
    expect(err.status).toBe(422);
    const down = await client().request(Thing, { method: 'GET', path: '/boom' }).catch((e) => e);
    expect(down).toBeInstanceOf(ServiceUnavailableError);
    expect(down.status).toBe(503);
  });

  it('treats an unexpected shape as an unavailable downstream', async () => {
    const err = await client().request(Thing, { method: 'GET', path: '/shape' }).catch((e) => e);
    expect(err).toBeInstanceOf(ServiceUnavailableError);
    expect(err.reason).toBe('downstream.bad_response');
  });

  it('times out without retrying', async () => {
    const before = hits;
    const err = await client().request(Thing, { method: 'GET', path: '/slow' }).catch((e) => e);
    expect(err).toBeInstanceOf(ServiceUnavailableError);
    expect(err.reason).toBe('downstream.timeout');
    expect(hits - before).toBe(1);
  });

  it('reports an unreachable service', async () => {
    const c = createHttpClient('gone', { baseUrl: 'http://127.0.0.1:1', token: 't'.repeat(32) });
    const err = await c.request(Thing, { method: 'GET', path: '/ok' }).catch((e) => e);
    expect(err.reason).toBe('downstream.unreachable');
  });
});
