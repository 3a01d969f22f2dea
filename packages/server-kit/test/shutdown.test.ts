// Graceful shutdown: close() lets an in-flight request finish, then ends promptly instead of waiting for the
// client's keep-alive socket to time out.
import { ALL_SCOPES } from '@bss/config';
import { createApp } from '@bss/server-kit';
import { TEST_TOKEN } from '@bss/testing';
import { createLogger, createTracing } from '@bss/telemetry';
import { describe, expect, it } from 'vitest';

describe('graceful shutdown', () => {
  it('finishes in-flight requests, asks keep-alive clients to hang up, and closes promptly', async () => {
    const app = await createApp({
      service: 'catalog',
      version: 't',
      description: 't',
      logger: createLogger('shutdown-test', 'silent'),
      tracing: createTracing('shutdown-test'),
      apiTokens: [{ identity: 'default', token: TEST_TOKEN, scopes: ALL_SCOPES, tenant: 'DEFAULT' }],
    });
    let finished = 0;
    app.get('/slow', async () => {
      await new Promise((r) => setTimeout(r, 300));
      finished++;
      return { ok: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    const pending = fetch(`http://127.0.0.1:${port}/slow`, { headers: { 'x-bss-api-token': TEST_TOKEN } });
    await new Promise((r) => setTimeout(r, 50));
    const started = performance.now();
    await app.close();
    const closeMs = performance.now() - started;
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.headers.get('connection')).toBe('close');
    expect(finished).toBe(1);
    // Without the Connection: close answer, close() waits ~72 s for the keep-alive socket.
    expect(closeMs).toBeLessThan(5_000);
  });
});
