// Which infrastructure a local run uses. A server named by BSS_DB_URL / BSS_MQ_URL (or the local default
// one) that answers is used; when the default one does not answer, the run falls back to the embedded
// PostgreSQL and the in-process event bus, so a machine with Node alone still runs the whole system.
// BSS_EMBEDDED=1 forces the embedded parts (tests, demos, a machine whose servers must stay untouched);
// BSS_EMBEDDED=0 forbids them (a server that does not answer is then an error, as before).
import net from 'node:net';
import pg from 'pg';

/** The servers a checkout expects by default (the Makefile's defaults). */
export const DEFAULT_DB_URL = 'postgres://postgres@127.0.0.1:5432/bss';
export const DEFAULT_MQ_URL = 'amqp://guest:guest@127.0.0.1:5672';
/** The embedded server's port for `make up`: away from a system server's 5432 (BSS_EMBEDDED_PG_PORT overrides). */
export const EMBEDDED_PG_PORT = 55432;

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** True when a PostgreSQL server answers at `url` — even to refuse us (bad password, no such database). */
export async function postgresAnswers(url: string, timeoutMs = 1500): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    return true;
  } catch (err) {
    // A SQLSTATE came back: the server is there and said no (28P01, 3D000, …); we use it and its error surfaces.
    return /^[0-9A-Z]{5}$/.test(String((err as { code?: unknown }).code ?? ''));
  } finally {
    await client.end().catch(() => {});
  }
}

/** True when something accepts TCP connections on the broker URL's host and port. */
export function brokerAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return Promise.resolve(false);
  }
  const port = Number(u.port || (u.protocol === 'amqps:' ? 5671 : 5672));
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port, timeout: timeoutMs });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

/** What a run uses, and why (printed by `make up`). */
export interface InfraChoice {
  database: { mode: 'server'; url: string } | { mode: 'embedded' };
  bus: { mode: 'amqp'; url: string } | { mode: 'in-process' };
  why: string[];
}

type Embedded = 'force' | 'never' | 'auto';

function embeddedFlag(value: string | undefined): Embedded {
  if (value === undefined || value === '' || value === 'auto') return 'auto';
  if (['1', 'true', 'yes'].includes(value)) return 'force';
  if (['0', 'false', 'no'].includes(value)) return 'never';
  throw new Error(`BSS_EMBEDDED must be 1, 0 or auto (got ${JSON.stringify(value)})`);
}

/**
 * Chooses server or embedded for the database and the bus from `env` and what answers. Throws with the fix.
 * `defaults` are the URLs a checkout expects (overridable so tests can name servers that are not there).
 */
export async function chooseInfra(env: Record<string, string | undefined>, defaults = { db: DEFAULT_DB_URL, mq: DEFAULT_MQ_URL }): Promise<InfraChoice> {
  const flag = embeddedFlag(env.BSS_EMBEDDED);
  const why: string[] = [];
  if (flag === 'force') {
    why.push('BSS_EMBEDDED=1: embedded PostgreSQL and the in-process bus, whatever servers are running');
    return { database: { mode: 'embedded' }, bus: { mode: 'in-process' }, why };
  }

  const dbUrl = env.BSS_DB_URL ?? defaults.db;
  let database: InfraChoice['database'];
  if (await postgresAnswers(dbUrl)) database = { mode: 'server', url: dbUrl };
  else if (flag === 'never' || dbUrl !== defaults.db) {
    throw new Error(`no PostgreSQL answers at ${redact(dbUrl)}: start it, or ${dbUrl !== defaults.db ? 'unset BSS_DB_URL' : 'drop BSS_EMBEDDED=0'} to run on the embedded server`);
  } else {
    database = { mode: 'embedded' };
    why.push(`no PostgreSQL answers at ${redact(dbUrl)}: using the embedded server`);
  }

  const mqUrl = env.BSS_MQ_URL ?? defaults.mq;
  let bus: InfraChoice['bus'];
  if (await brokerAnswers(mqUrl)) bus = { mode: 'amqp', url: mqUrl };
  else if (flag === 'never' || mqUrl !== defaults.mq) {
    throw new Error(`no RabbitMQ answers at ${redact(mqUrl)}: start it, or ${mqUrl !== defaults.mq ? 'unset BSS_MQ_URL' : 'drop BSS_EMBEDDED=0'} to run on the in-process bus`);
  } else {
    bus = { mode: 'in-process' };
    why.push(`no RabbitMQ answers at ${redact(mqUrl)}: using the in-process bus`);
  }
  return { database, bus, why };
}
