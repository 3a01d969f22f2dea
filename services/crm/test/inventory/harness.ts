// Test harness for the inventory and porting modules: a fresh migrated+seeded database, the platform app with
// only these routes registered (independent of the CRM core's app.ts), and helpers to read crm.outbox.
import { createPlatformApp, type App } from '@bss/server-kit';
import { authHeaders, createTestDatabase, testPlatform, type TestDatabase, type TestPlatform } from '@bss/testing';
import { createDeps, type CrmDeps } from '../../src/deps.ts';
import { inventoryEnv } from '../../src/inventory/config.ts';
import { registerInventoryRoutes } from '../../src/inventory/routes.ts';
import { registerPortingRoutes } from '../../src/porting/routes.ts';

export interface Harness {
  db: TestDatabase;
  platform: TestPlatform;
  deps: CrmDeps;
  app: App;
  close(): Promise<void>;
}

/** Builds the app on a fresh database. `env` overrides service env (e.g. the pool-low threshold). */
export async function startHarness(opts: { env?: Record<string, string>; dbMax?: number } = {}): Promise<Harness> {
  const db = await createTestDatabase({ max: opts.dbMax ?? 10 });
  const platform = testPlatform('crm', db, { env: opts.env, extraEnv: inventoryEnv }) as unknown as TestPlatform;
  const deps = createDeps(platform);
  const app = await createPlatformApp(platform, { description: 'inventory test' });
  registerInventoryRoutes(app, deps);
  registerPortingRoutes(app, deps);
  await app.ready();
  return {
    db,
    platform,
    deps,
    app,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** An authenticated JSON request through app.inject. */
export async function call(app: App, method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = authHeaders()) {
  const res = await app.inject({
    method,
    url,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: res.statusCode, body: res.body ? res.json() : undefined, headers: res.headers };
}

export interface OutboxRow {
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/** Events staged in crm.outbox (optionally of one type), oldest first. */
export async function outboxEvents(db: TestDatabase, eventType?: string): Promise<OutboxRow[]> {
  const res = await db.pool.query(
    `SELECT event_type AS "eventType", aggregate_type AS "aggregateType", aggregate_id AS "aggregateId", payload
     FROM crm.outbox WHERE ($1::text IS NULL OR event_type = $1) ORDER BY id`,
    [eventType ?? null],
  );
  return res.rows as OutboxRow[];
}
