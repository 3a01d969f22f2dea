// Shared setup of the catalog API tests: a fresh migrated+seeded database per file, the real app on a test
// platform (frozen clock, in-memory bus), the strict TMF620 validator and request helpers.
import type { App } from '@bss/server-kit';
import type { LightMyRequestResponse } from 'fastify';
import { authHeaders, createTestDatabase, loadTmfValidator, testPlatform, type TestDatabase, type TestPlatform } from '@bss/testing';
import { buildApp } from '../src/app.ts';
import { createDeps } from '../src/deps.ts';

export const TMF = '/tmf-api/productCatalogManagement/v4';
export const tmf = loadTmfValidator('TMF620-ProductCatalog-v4.swagger.json');

export interface Harness {
  db: TestDatabase;
  platform: TestPlatform;
  app: App;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  send(method: 'POST' | 'PATCH', url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** How many TMF bodies the onSend check validated, and what it found wrong. */
  tmfChecks: { checked: number; problems: string[] };
  close(): Promise<void>;
}

/** The TMF620 definition a path answers with, if any. */
function tmfDefinitionOf(path: string): string | undefined {
  if (path.startsWith(`${TMF}/productOfferingPrice`) || /^\/admin\/catalog\/offering\/[^/]+\/price$/.test(path)) return 'ProductOfferingPrice';
  if (path.startsWith(`${TMF}/productOffering`) || path.startsWith('/admin/catalog/offering')) return 'ProductOffering';
  if (path.startsWith(`${TMF}/productSpecification`)) return 'ProductSpecification';
  return undefined;
}

/** Headers of an operator request: the operator token (it holds catalog:admin) and an actor, for attribution. */
export const operator = (extra: Record<string, string> = {}) => authHeaders({ 'x-bss-actor': 'ops-alice', ...extra });

export async function startCatalog(now = '2026-06-01T00:00:00Z'): Promise<Harness> {
  const db = await createTestDatabase();
  const platform = testPlatform('catalog', db, { now });
  const app = await buildApp(createDeps(platform));
  const tmfChecks = { checked: 0, problems: [] as string[] };
  // Every 2xx body in TMF620 shape (the /tmf-api routes and the admin writes that answer with TMF resources) is
  // validated against the strict official schema, whichever test produced it; close() fails on any problem.
  app.addHook('onSend', async (req, reply, payload) => {
    const definition = tmfDefinitionOf(req.url.split('?')[0]!);
    if (!definition || reply.statusCode >= 300 || reply.statusCode === 204 || typeof payload !== 'string') return payload;
    const body = JSON.parse(payload) as unknown;
    for (const item of Array.isArray(body) ? body : [body]) {
      tmfChecks.checked++;
      for (const p of tmf.validate(definition, item)) tmfChecks.problems.push(`${req.method} ${req.url}: ${p}`);
    }
    return payload;
  });
  await app.ready();
  return {
    db,
    platform,
    app,
    get: (url, headers = authHeaders()) => app.inject({ method: 'GET', url, headers }),
    send: (method, url, payload, headers = operator()) =>
      app.inject({
        method,
        url,
        // Like the typed clients: a content type only when there is a body (Fastify 400s an empty JSON body).
        ...(payload === undefined
          ? { headers }
          : { headers: { 'content-type': 'application/json', ...headers }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
      }),
    tmfChecks,
    async close() {
      await app.close();
      await db.drop();
      if (tmfChecks.problems.length) throw new Error(`responses not valid TMF620:\n  ${tmfChecks.problems.join('\n  ')}`);
    },
  };
}

/** Asserts every item of a TMF list against `definition`. */
export function assertTmfList(definition: string, items: unknown[]): void {
  for (const item of items) tmf.assert(definition, item);
}
