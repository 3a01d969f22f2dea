// The docs page every service serves: Swagger UI over its own /openapi.json, its bundle files by exact name only.
import { ALL_SCOPES } from '@bss/config';
import { createApp, type App } from '@bss/server-kit';
import { TEST_TOKEN } from '@bss/testing';
import { createLogger, createTracing } from '@bss/telemetry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let app: App;
const headers = { 'x-bss-api-token': TEST_TOKEN };

beforeAll(async () => {
  app = await createApp({
    service: 'catalog',
    version: 't',
    description: 't',
    logger: createLogger('docs-test', 'silent'),
    tracing: createTracing('docs-test'),
    apiTokens: [{ identity: 'default', token: TEST_TOKEN, scopes: ALL_SCOPES, tenant: 'DEFAULT' }],
  });
  await app.ready();
});
afterAll(() => app.close());

describe('GET /docs', () => {
  it('serves the Swagger UI page that reads this service’s /openapi.json', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs', headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain("url: '/openapi.json'");
    expect(res.body).toContain('<title>bss catalog</title>');
    for (const src of res.body.match(/\/docs\/static\/[\w.-]+/g)!) expect((await app.inject({ method: 'GET', url: src, headers })).statusCode, src).toBe(200);
  });

  it('serves the bundle with its content type and nothing outside it', async () => {
    const js = await app.inject({ method: 'GET', url: '/docs/static/swagger-ui-bundle.js', headers });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('application/javascript');
    expect(js.body.length).toBeGreaterThan(100_000);
    for (const url of ['/docs/static/nope.js', '/docs/static/..%2Fpackage.json', '/docs/static/index.html', '/docs/static/csp.json']) {
      const res = await app.inject({ method: 'GET', url, headers });
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('needs a token like every other route unless docs are public', async () => {
    expect((await app.inject({ method: 'GET', url: '/docs' })).statusCode).toBe(401);
  });
});
