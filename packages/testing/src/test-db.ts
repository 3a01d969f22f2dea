// Real Postgres for tests. Global setup migrates a template database once per migrations checksum; each
// test file then gets its own database cloned from the template (fast, isolated, real commits allowed).
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, migrate, type Database } from '@bss/db';
import pg from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** The server URL tests use: BSS_TEST_DB_URL, else BSS_DB_URL (its database name is ignored). */
export function testServerUrl(): string | undefined {
  return process.env.BSS_TEST_DB_URL ?? process.env.BSS_DB_URL;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else if (e.name.endsWith('.sql') || e.name.startsWith('.')) out.push(p);
  }
  return out.sort();
}

/** Name of the template database for the current migrations (changes whenever a migration does). */
export async function templateName(): Promise<string> {
  const h = createHash('sha256');
  for (const f of await listFiles(MIGRATIONS_DIR)) h.update(f.slice(MIGRATIONS_DIR.length)).update(await readFile(f));
  return `bss_tpl_${h.digest('hex').slice(0, 12)}`;
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates and migrates the template database if it does not exist yet. Called from vitest global setup. */
export async function prepareTemplate(serverUrl: string): Promise<string> {
  const name = await templateName();
  const exists = await admin(serverUrl, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount);
  if (!exists) {
    const building = `${name}_build_${randomBytes(3).toString('hex')}`;
    await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${building}`));
    await migrate({ url: withDatabase(serverUrl, building), dir: MIGRATIONS_DIR });
    // Rename into place only when complete, so a crashed build never leaves a half-migrated template.
    await admin(serverUrl, async (c) => {
      try {
        await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      } catch {
        await c.query(`DROP DATABASE IF EXISTS ${building}`);
      }
    });
  }
  return name;
}

/**
 * Drops templates of earlier migration sets and test databases left by crashed runs. Only for a run that
 * owns the server (make test / CI): concurrent runs may still be cloning from an older template.
 */
export async function pruneTestDatabases(serverUrl: string): Promise<void> {
  const current = await templateName();
  await admin(serverUrl, async (c) => {
    const stale = await c.query(
      `SELECT datname FROM pg_database WHERE (datname LIKE 'bss\\_tpl\\_%' AND datname <> $1) OR datname LIKE 'bss\\_t\\_%'`,
      [current],
    );
    for (const r of stale.rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`).catch(() => {});
  });
}

/** A throwaway database for one test file. */
export interface TestDatabase extends Database {
  url: string;
  name: string;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/** Clones the template into a fresh database and opens a pool on it. */
export async function createTestDatabase(opts: { max?: number } = {}): Promise<TestDatabase> {
  const server = testServerUrl();
  if (!server) throw new Error('no test database: set BSS_TEST_DB_URL or BSS_DB_URL (vitest global setup does)');
  const template = await templateName();
  const name = `bss_t_${randomBytes(5).toString('hex')}`;
  await admin(server, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = withDatabase(server, name);
  const database = createDatabase(url, { max: opts.max ?? 10, applicationName: 'bss-test' });
  return {
    ...database,
    url,
    name,
    async drop() {
      await database.close();
      await admin(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
