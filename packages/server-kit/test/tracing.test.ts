// Traces leave the process over OTLP/HTTP when an endpoint is configured, continuing the caller's trace.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ALL_SCOPES } from '@bss/config';
import { createApp } from '@bss/server-kit';
import { TEST_TOKEN } from '@bss/testing';
import { createLogger, createTracing } from '@bss/telemetry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let collector: Server;
let endpoint: string;
const bodies: string[] = [];

beforeAll(async () => {
  collector = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url === '/v1/traces') bodies.push(body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => collector.close(() => r())));

describe('OpenTelemetry export', () => {
  it('exports a server span per request with the inbound trace id and BSS attributes', async () => {
    const tracing = createTracing('otel-test', endpoint);
    const app = await createApp({
      service: 'catalog',
      version: 't',
      description: 't',
      logger: createLogger('otel-test', 'silent'),
      tracing,
      apiTokens: [{ identity: 'default', token: TEST_TOKEN, scopes: ALL_SCOPES, tenant: 'DEFAULT' }],
    });
    app.get('/ping', async (req) => ({ traceId: req.ctx.traceId }));
    app.get('/by-email/:email', async () => ({}));
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await app.inject({
      method: 'GET',
      url: '/ping',
      headers: { 'x-bss-api-token': TEST_TOKEN, 'x-bss-actor': 'carol', traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    expect(res.json().traceId).toBe(traceId);
    const byEmail = await app.inject({ method: 'GET', url: '/by-email/alice.secret%40example.com', headers: { 'x-bss-api-token': TEST_TOKEN } });
    expect(byEmail.statusCode).toBe(200);
    await app.close();
    await tracing.shutdown();
    const exported = bodies.join('\n');
    expect(exported).toContain('otel-test');
    expect(exported).toContain('GET /ping');
    expect(exported).toContain('carol');
    // Spans name the route pattern; the concrete path (an email here) never leaves the process.
    expect(exported).toContain('/by-email/:email');
    expect(exported).not.toContain('alice.secret');
    // OTLP/JSON encodes ids as hex strings.
    expect(exported.toLowerCase()).toContain(traceId);
  });

  it('carries trace ids without exporting when no endpoint is set', () => {
    const tracing = createTracing('quiet');
    expect(tracing.enabled).toBe(false);
  });
});
