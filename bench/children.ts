// What bench/run.ts and bench/usage-split.ts both need around the processes they start: their environment (free
// ports among it), the bench
// database re-created and migrated (and vacuumed between parts), a child's CPU time over IPC, stopping a child, and removing the broker objects
// of the bench's own exchange afterwards.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { envStem, SERVICE_NAMES } from '@bss/config';
import { CONSUMER_QUEUES } from '@bss/contracts';
import { migrate } from '@bss/db';
import { connect } from 'amqplib';
import pg from 'pg';

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

/**
 * The environment a bench fleet starts with: the bench database, an exchange and queue prefix of its own, its
 * operator token, quiet logs, zero-delay provisioning (the order flow is measured with it, issue #10 §7) and a
 * free port (and URL) for each of the nine services.
 */
export async function fleetEnv(o: { dbUrl: string; mqUrl: string; exchange: string; token: string }): Promise<Record<string, string | undefined>> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    BSS_DB_URL: o.dbUrl,
    BSS_MQ_URL: o.mqUrl,
    BSS_MQ_EXCHANGE: o.exchange,
    BSS_MQ_QUEUE_PREFIX: `${o.exchange}.`,
    BSS_API_TOKEN: o.token,
    BSS_KYC_SIGNING_SECRET: process.env.BSS_KYC_SIGNING_SECRET ?? randomBytes(24).toString('hex'),
    BSS_KYC_DOCUMENT_PEPPER: process.env.BSS_KYC_DOCUMENT_PEPPER ?? randomBytes(24).toString('hex'),
    BSS_LOG_LEVEL: 'warn',
    BSS_PROVISIONING_TASK_DURATION_MS: '0',
  };
  const ports = await Promise.all(SERVICE_NAMES.map(() => freePort()));
  SERVICE_NAMES.forEach((n, i) => {
    env[`BSS_${envStem(n)}_PORT`] = String(ports[i]);
    env[`BSS_${envStem(n)}_URL`] = `http://127.0.0.1:${ports[i]}`;
  });
  return env;
}

/** Drops and re-creates `url`'s database (from the server's maintenance database), then migrates it. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  await migrate({ url, dir: fileURLToPath(new URL('../migrations', import.meta.url)) });
}

/**
 * `VACUUM (ANALYZE)` of the whole database, between the bench's parts: what autovacuum does on a server where it is
 * on. This machine's CI configuration turns it off (conf.d/90-ci.conf), and without it each part inherited the
 * previous one's dead outbox versions and planned on the statistics of empty tables.
 */
export async function vacuumAnalyze(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('VACUUM (ANALYZE)');
  } finally {
    await c.end();
  }
}

/** The child's CPU time so far, µs (bench/fleet.ts and bench/floor.ts answer the `cpu` message). */
export function cpuOf(proc: ChildProcess): () => Promise<number> {
  return () =>
    new Promise((resolve) => {
      proc.once('message', (m) => resolve((m as { cpu: number }).cpu));
      proc.send('cpu');
    });
}

/** SIGTERM, then waits for the exit; nothing for a child that is gone already. */
export async function stop(proc: ChildProcess | undefined): Promise<void> {
  if (!proc || proc.exitCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}

/** Deletes every queue and exchange the fleet declared under the bench's own `exchange` (its queue prefix). */
export async function cleanupBroker(mqUrl: string, exchange: string): Promise<void> {
  const conn = await connect(mqUrl);
  const ch = await conn.createChannel();
  for (const { queue } of CONSUMER_QUEUES) {
    for (const s of ['', '.parked', '.retry.1s', '.retry.5s', '.retry.30s', '.retry.2m', '.retry.5m']) await ch.deleteQueue(`${exchange}.${queue}${s}`);
  }
  await ch.deleteQueue(`${exchange}.unrouted`);
  await ch.deleteExchange(`${exchange}.unrouted`);
  await ch.deleteExchange(exchange);
  await conn.close();
}
