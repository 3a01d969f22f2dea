// Integration-test setup: use the PostgreSQL and RabbitMQ named by env (make test and CI set them). When no
// PostgreSQL answers there (a machine with Node alone), start the embedded one from the npm registry
// (.bss/pg-test, 127.0.0.1:55433 — never the system's 5432) and point BSS_TEST_DB_URL at it; BSS_EMBEDDED=1
// forces that. The AMQP suites need a real broker: when none answers, scripts/ensure-infra.sh --broker starts,
// installs or composes one, or the run stops at once saying how to get one. Then build the migrated template.
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brokerAnswers, postgresAnswers, redact, startEmbeddedPostgres, type EmbeddedPostgres } from '@bss/fleet';
import { prepareTemplate, pruneTestDatabases, testServerUrl } from '@bss/testing';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULT_TEST_DB_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_MQ_URL = 'amqp://guest:guest@127.0.0.1:5672';
/** The test-time embedded server's port (BSS_EMBEDDED_TEST_PG_PORT overrides); `make up`'s is 55432. */
const EMBEDDED_TEST_PG_PORT = 55433;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

let embedded: EmbeddedPostgres | undefined;

function secret(path: string): string {
  if (!existsSync(path)) writeFileSync(path, `${randomBytes(24).toString('hex')}\n`, { mode: 0o600 });
  return readFileSync(path, 'utf8').trim();
}

async function useEmbeddedPostgres(why: string): Promise<void> {
  const state = `${ROOT}.bss`;
  mkdirSync(state, { recursive: true });
  const port = Number(process.env.BSS_EMBEDDED_TEST_PG_PORT ?? EMBEDDED_TEST_PG_PORT);
  embedded = await startEmbeddedPostgres({ dataDir: `${state}/pg-test`, port, password: secret(`${state}/pg-test-password`), ephemeral: true });
  process.env.BSS_TEST_DB_URL = embedded.url;
  console.error(`tests: ${why}; using the embedded PostgreSQL at 127.0.0.1:${embedded.port} (.bss/pg-test${embedded.started ? '' : ', already running'})`);
}

async function ensureBroker(): Promise<void> {
  const url = (process.env.BSS_MQ_URL ??= DEFAULT_MQ_URL);
  if (await brokerAnswers(url)) return;
  const u = new URL(url);
  if (!LOCAL_HOSTS.has(u.hostname)) throw new Error(`tests: no RabbitMQ answers at ${redact(url)}; the AMQP suites need a real broker (start it or point BSS_MQ_URL elsewhere)`);
  try {
    execFileSync(`${ROOT}scripts/ensure-infra.sh`, ['--broker'], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, BSS_MQ_PORT: u.port || '5672' } });
  } catch {
    throw new Error(`tests: no RabbitMQ at ${redact(url)} (see the infra: lines above for how to get one)`);
  }
  if (!(await brokerAnswers(url))) throw new Error(`tests: RabbitMQ was started but does not answer at ${redact(url)}`);
}

export async function setup(): Promise<void> {
  // The broker first: a run that cannot have one stops before starting anything.
  await ensureBroker();
  const url = testServerUrl() ?? DEFAULT_TEST_DB_URL;
  if (process.env.BSS_EMBEDDED === '1') await useEmbeddedPostgres('BSS_EMBEDDED=1');
  else if (await postgresAnswers(url)) process.env.BSS_TEST_DB_URL ??= url;
  else await useEmbeddedPostgres(`no PostgreSQL answers at ${redact(url)}`);
  try {
    // Only a run that owns the server prunes (make test sets this); parallel dev runs must not.
    if (process.env.BSS_TEST_PRUNE === '1') await pruneTestDatabases(testServerUrl()!);
    await prepareTemplate(testServerUrl()!);
  } catch (err) {
    await teardown();
    throw err;
  }
}

export async function teardown(): Promise<void> {
  // Only a server this run started is stopped; one left by another run stays for it.
  if (embedded?.started) await embedded.stop();
}
