// A local run of the whole system (what `make up` starts): choose the infrastructure (infra-mode.ts), start
// the embedded PostgreSQL when needed, migrate + seed, and start the fleet — on the in-process broker when
// no RabbitMQ is used. Stopping drains the in-process queues briefly, stops the services, then the server.
import { join } from 'node:path';
import type { ServiceName } from '@bss/config';
import { ensureDatabase, migrate } from '@bss/db';
import { createInProcessBroker, type InProcessBroker } from '@bss/events';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.ts';
import { startFleet, type Fleet } from './fleet.ts';
import { chooseInfra, DEFAULT_MQ_URL, EMBEDDED_PG_PORT, redact, type InfraChoice } from './infra-mode.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));
/** How long a stop waits for in-process queues to empty before stopping the services. */
const DRAIN_MS = 3000;

export interface LocalRunOptions {
  /** Where the embedded cluster lives (`<state dir>/pg`) and its password file. */
  stateDir: string;
  /** Password of the embedded server's `postgres` role (kept in the state dir by `make up`). */
  embeddedPassword: string;
  /** Services to start (default: every discovered one). */
  names?: ServiceName[];
  /** Called with progress lines (the migration summary). */
  log?: (line: string) => void;
}

/** A running local system. */
export interface LocalRun {
  choice: InfraChoice;
  fleet: Fleet;
  /** The env the services were configured from (BSS_DB_URL points at the server actually used). */
  env: Record<string, string | undefined>;
  /** Present when the event plane is in-process. */
  broker?: InProcessBroker;
  /** Present when the database is the embedded server. */
  postgres?: EmbeddedPostgres;
  /** One line per part: what it is and where. */
  describe(): string[];
  stop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Starts a local run from `env` (BSS_EMBEDDED, BSS_DB_URL, BSS_MQ_URL, BSS_EMBEDDED_PG_PORT, BSS_EMBEDDED_PG_DIR). */
export async function startLocalRun(input: Record<string, string | undefined>, opts: LocalRunOptions): Promise<LocalRun> {
  const env = { ...input };
  const choice = await chooseInfra(env);
  let postgres: EmbeddedPostgres | undefined;
  if (choice.database.mode === 'server') env.BSS_DB_URL = choice.database.url;
  else {
    postgres = await startEmbeddedPostgres({
      dataDir: env.BSS_EMBEDDED_PG_DIR ?? join(opts.stateDir, 'pg'),
      port: Number(env.BSS_EMBEDDED_PG_PORT ?? EMBEDDED_PG_PORT),
      password: opts.embeddedPassword,
    });
    env.BSS_DB_URL = withDatabase(postgres.url, 'bss');
  }
  const broker = choice.bus.mode === 'in-process' ? createInProcessBroker() : undefined;
  // The services parse BSS_MQ_URL even when they never dial it (the in-process bus ignores it).
  env.BSS_MQ_URL = choice.bus.mode === 'amqp' ? choice.bus.url : (env.BSS_MQ_URL ?? DEFAULT_MQ_URL);
  let fleet: Fleet;
  try {
    const dbUrl = env.BSS_DB_URL!;
    await ensureDatabase(dbUrl);
    const { applied, seeded } = await migrate({ url: dbUrl, dir: MIGRATIONS_DIR });
    opts.log?.(`migrate: ${applied.length} applied, ${seeded.length} seed files run`);
    fleet = await startFleet(env, opts.names, broker ? { broker } : {});
  } catch (err) {
    broker?.close();
    await postgres?.stop();
    throw err;
  }
  let stopping: Promise<void> | undefined;
  return {
    choice,
    fleet,
    env,
    ...(broker ? { broker } : {}),
    ...(postgres ? { postgres } : {}),
    describe() {
      const db = postgres
        ? `embedded PostgreSQL ${redact(env.BSS_DB_URL!)} (data ${postgres.dataDir}${postgres.started ? '' : ', adopted a server left running'})`
        : `PostgreSQL ${redact(env.BSS_DB_URL!)}`;
      const bus = broker ? 'in-process event bus (one broker shared by every service of this process; not durable: the outbox keeps every event)' : `RabbitMQ ${redact(env.BSS_MQ_URL!)}`;
      return [`database: ${db}`, `events:   ${bus}`];
    },
    stop() {
      stopping ??= (async () => {
        // Let events already in the in-process queues reach their consumers before those stop.
        if (broker) await broker.idle(DRAIN_MS);
        try {
          await fleet.stop();
        } finally {
          broker?.close();
          await postgres?.stop();
        }
      })();
      return stopping;
    },
  };
}
