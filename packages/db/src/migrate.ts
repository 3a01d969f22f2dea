// Applies SQL migrations: migrations/_platform/*.sql (templated once per schema: outbox, inbox) then
// migrations/<schema>/NNNN_*.sql, each once, in its own transaction, recorded with a checksum so an
// edited applied migration is caught. Seeds (migrations/<schema>/seed/*.sql) are idempotent and re-run.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';

export interface MigrateOptions {
  url: string;
  /** Root holding `_platform/` and one folder per schema. */
  dir: string;
  /** Limit to these schemas (default: every folder). */
  schemas?: string[];
  seed?: boolean;
  log?: (line: string) => void;
}

export interface MigrateResult {
  applied: string[];
  seeded: string[];
}

const LOCK_KEY = 424_242_001;

async function sqlFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith('.sql'))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** Schema folders under `dir`, in name order (folders starting with `_` are not schemas). */
export async function listSchemas(dir: string): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && !e.name.startsWith('_') && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

const checksum = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Applies pending migrations and seeds; safe to run concurrently (advisory lock) and repeatedly. */
export async function migrate(opts: MigrateOptions): Promise<MigrateResult> {
  const log = opts.log ?? (() => {});
  const client = new pg.Client({ connectionString: opts.url, application_name: 'bss-migrate' });
  await client.connect();
  const applied: string[] = [];
  const seeded: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS public.bss_schema_migration (
      schema_name text NOT NULL, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (schema_name, name))`);
    const done = new Map<string, string>();
    for (const row of (await client.query('SELECT schema_name, name, checksum FROM public.bss_schema_migration')).rows) {
      done.set(`${row.schema_name}/${row.name}`, row.checksum);
    }
    const schemas = opts.schemas ?? (await listSchemas(opts.dir));
    const platform = await sqlFiles(join(opts.dir, '_platform'));
    for (const schema of schemas) {
      if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema folder name: ${schema}`);
      const steps: { name: string; sql: string }[] = [
        { name: '0000_schema', sql: `CREATE SCHEMA IF NOT EXISTS ${schema};` },
      ];
      for (const f of platform) {
        const text = await readFile(join(opts.dir, '_platform', f), 'utf8');
        steps.push({ name: `_platform/${f}`, sql: text.replaceAll('{{schema}}', schema) });
      }
      for (const f of await sqlFiles(join(opts.dir, schema))) {
        steps.push({ name: f, sql: await readFile(join(opts.dir, schema, f), 'utf8') });
      }
      for (const step of steps) {
        const sum = checksum(step.sql);
        const key = `${schema}/${step.name}`;
        const prior = done.get(key);
        if (prior !== undefined) {
          if (prior !== sum) throw new Error(`migration ${key} was edited after it was applied (checksum ${prior} → ${sum})`);
          continue;
        }
        await client.query('BEGIN');
        try {
          await client.query(step.sql);
          await client.query('INSERT INTO public.bss_schema_migration (schema_name, name, checksum) VALUES ($1, $2, $3)', [
            schema,
            step.name,
            sum,
          ]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw new Error(`migration ${key} failed: ${(err as Error).message}`, { cause: err });
        }
        applied.push(key);
        log(`migrated ${key}`);
      }
    }
    if (opts.seed !== false) {
      for (const schema of schemas) {
        for (const f of await sqlFiles(join(opts.dir, schema, 'seed'))) {
          await client.query('BEGIN');
          try {
            await client.query(await readFile(join(opts.dir, schema, 'seed', f), 'utf8'));
            await client.query('COMMIT');
          } catch (err) {
            await client.query('ROLLBACK');
            throw new Error(`seed ${schema}/seed/${f} failed: ${(err as Error).message}`, { cause: err });
          }
          seeded.push(`${schema}/seed/${f}`);
          log(`seeded ${schema}/seed/${f}`);
        }
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    await client.end();
  }
  return { applied, seeded };
}

/** Creates the database named in `url` when it does not exist (connecting to `postgres` to do so). */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unsupported database name: ${name}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"`);
    return true;
  } finally {
    await client.end();
  }
}
