// The embedded PostgreSQL from the npm registry: initialised once into its data directory (owned by the
// `postgres` user when we are root), kept between starts, adopted when a launcher died and left it running,
// and stopped for good by stop(). It runs on a port of its own, never the system server's.
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'bss-epg-'));
chmodSync(dir, 0o755);
const dataDir = join(dir, 'pg');
// Above Linux's ephemeral range (32768–60999): a port in it can be held by any client socket of the suite.
const port = 61000 + Math.floor(Math.random() * 4000);
const password = 'pw-for-this-test-only';
const servers: EmbeddedPostgres[] = [];

afterAll(async () => {
  for (const s of servers) await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end();
  }
}

describe('startEmbeddedPostgres', () => {
  it('initialises a cluster on first start and keeps its data across a stop and a start', async () => {
    const first = await startEmbeddedPostgres({ dataDir, port, password, ephemeral: true });
    servers.push(first);
    expect(first).toMatchObject({ port, started: true, url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres` });
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    if (process.getuid?.() === 0) expect(statSync(dataDir).uid).not.toBe(0);
    await query(first.url, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
    // password auth: a wrong password is refused
    await expect(query(first.url.replace(password, 'wrong'), 'SELECT 1')).rejects.toThrow(/password authentication failed/);
    await first.stop();
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);

    const again = await startEmbeddedPostgres({ dataDir, port, password });
    servers.push(again);
    expect(await query<{ n: number }>(again.url, 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
  });

  it('adopts a server still running on its data directory instead of starting a second one', async () => {
    const adopted = await startEmbeddedPostgres({ dataDir, port: port + 1, password });
    expect(adopted).toMatchObject({ started: false, port });
    expect(await query<{ ok: number }>(adopted.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });

  it('reports a start that cannot work with the server log', async () => {
    // The port is taken by the server above: the second cluster cannot bind it.
    const other = join(dir, 'pg2');
    await expect(startEmbeddedPostgres({ dataDir: other, port, password, ephemeral: true, startTimeoutMs: 20_000 })).rejects.toThrow(/exited during start-up \(the server answering on this port serves [^)]*\):[\s\S]*could not bind/);
  });
});
