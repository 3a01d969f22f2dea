// The order pipeline's test fleet: every service of the pipeline in this process (as `make up` runs them), on
// random ports, one test database, this run's own exchange and queue prefix on the real RabbitMQ — optionally
// through a TCP proxy the fault tests cut — and a way to stop and rebuild one service mid-run.
import { randomBytes } from 'node:crypto';
import { envStem, type ServiceName } from '@bss/config';
import { CONSUMER_QUEUES } from '@bss/contracts';
import { parkedQueueOf, DEFAULT_RETRY_DELAYS_MS, retryQueueOf, unroutedOf } from '@bss/events';
import { discoverServices } from '@bss/fleet';
import { loadModuleConfig, startService, type RunningService, type ServiceModule } from '@bss/server-kit';
import { createTestDatabase, startTcpProxy, type TcpProxy, type TestDatabase } from '@bss/testing';
import amqp from 'amqplib';

export const PIPELINE_SERVICES: ServiceName[] = ['catalog', 'crm', 'payment', 'com', 'som', 'subscription', 'mediation', 'rating', 'provisioning-sim'];

const MQ_URL = process.env.BSS_MQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

export interface PipelineFleetOptions {
  /** Route every service's broker connection through a TCP proxy the test can cut. */
  viaProxy?: boolean;
  /** Extra env (e.g. a faster retry deadline, stuck-order threshold). */
  env?: Record<string, string>;
}

export interface PipelineFleet {
  db: TestDatabase;
  token: string;
  env: Record<string, string>;
  proxy: TcpProxy | undefined;
  /** The queue prefix of this run (`<exchange>.`). */
  prefix: string;
  url(name: ServiceName): string;
  /** Stops one service (HTTP, relay, consumers, workers) and starts it again on the same port and database. */
  restart(name: ServiceName): Promise<void>;
  /** Messages and consumers of every non-empty queue of this run (main, retry tiers, parked), for diagnosis. */
  queueDepths(): Promise<Record<string, { messages: number; consumers: number }>>;
  /** Messages sitting in every parked queue of this run, by queue. */
  parked(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/** Starts the pipeline fleet; `stop()` removes the run's broker objects and drops its database. */
export async function startPipelineFleet(opts: PipelineFleetOptions = {}): Promise<PipelineFleet> {
  const db = await createTestDatabase();
  const proxy = opts.viaProxy ? await startTcpProxy() : undefined;
  const token = randomBytes(24).toString('hex');
  const exchange = `bss.pipe.${randomBytes(4).toString('hex')}`;
  const prefix = `${exchange}.`;
  const base = 23000 + Math.floor(Math.random() * 1500) * 10;
  const env: Record<string, string> = {
    BSS_DB_URL: db.url,
    BSS_MQ_URL: proxy?.url ?? MQ_URL,
    BSS_MQ_EXCHANGE: exchange,
    BSS_MQ_QUEUE_PREFIX: prefix,
    BSS_API_TOKEN: token,
    BSS_ALLOW_ADMIN_RESET: 'true',
    BSS_KYC_SIGNING_SECRET: randomBytes(24).toString('hex'),
    BSS_KYC_DOCUMENT_PEPPER: randomBytes(24).toString('hex'),
    BSS_LOG_LEVEL: process.env.BSS_PIPELINE_LOG_LEVEL ?? 'silent',
    BSS_PROVISIONING_TASK_DURATION_MS: '0',
    // seven services in one process: small pools keep the run well inside Postgres's default 100 connections
    BSS_DB_POOL_MAX: '3',
    ...opts.env,
  };
  PIPELINE_SERVICES.forEach((name, i) => {
    env[`BSS_${envStem(name)}_PORT`] = String(base + i);
    env[`BSS_${envStem(name)}_URL`] = `http://127.0.0.1:${base + i}`;
  });
  const modules = new Map<ServiceName, ServiceModule>((await discoverServices()).map((m) => [m.name, m]));
  const running = new Map<ServiceName, RunningService>();
  const start = async (name: ServiceName) => {
    const mod = modules.get(name);
    if (!mod) throw new Error(`service ${name} is not built (no services/${name}/src/service.ts)`);
    running.set(name, await startService(mod, loadModuleConfig(mod, env)));
  };
  try {
    for (const name of PIPELINE_SERVICES) await start(name);
  } catch (err) {
    for (const r of [...running.values()].reverse()) await r.stop().catch(() => {});
    await proxy?.stop();
    await db.drop();
    throw err;
  }

  const mq = await amqp.connect(MQ_URL);
  mq.on('error', () => {});
  const channel = async () => {
    const ch = await mq.createChannel();
    ch.on('error', () => {});
    return ch;
  };
  return {
    db,
    token,
    env,
    proxy,
    prefix,
    url(name) {
      const r = running.get(name);
      if (!r) throw new Error(`${name} is not running`);
      return r.url;
    },
    async restart(name) {
      await running.get(name)?.stop();
      running.delete(name);
      await start(name);
    },
    async queueDepths() {
      const out: Record<string, { messages: number; consumers: number }> = {};
      for (const { queue } of CONSUMER_QUEUES) {
        const q = prefix + queue;
        for (const name of [q, parkedQueueOf(q), ...DEFAULT_RETRY_DELAYS_MS.map((ms) => retryQueueOf(q, ms))]) {
          const ch = await channel();
          const info = await ch.checkQueue(name).catch(() => undefined);
          if (info && (info.messageCount || name === q)) out[name.slice(prefix.length)] = { messages: info.messageCount, consumers: info.consumerCount };
          await ch.close().catch(() => {});
        }
      }
      return out;
    },
    async parked() {
      const out: Record<string, number> = {};
      for (const { queue } of CONSUMER_QUEUES) {
        const ch = await channel();
        const q = await ch.checkQueue(parkedQueueOf(prefix + queue)).catch(() => undefined);
        if (q?.messageCount) out[queue] = q.messageCount;
        await ch.close().catch(() => {});
      }
      return out;
    },
    async stop() {
      for (const name of [...PIPELINE_SERVICES].reverse()) await running.get(name)?.stop().catch(() => {});
      const ch = await channel();
      for (const { queue } of CONSUMER_QUEUES) {
        const q = prefix + queue;
        for (const name of [q, parkedQueueOf(q), ...DEFAULT_RETRY_DELAYS_MS.map((ms) => retryQueueOf(q, ms))]) await ch.deleteQueue(name).catch(() => {});
      }
      await ch.deleteExchange(exchange).catch(() => {});
      await ch.deleteQueue(unroutedOf(exchange)).catch(() => {});
      await ch.deleteExchange(unroutedOf(exchange)).catch(() => {});
      await mq.close().catch(() => {});
      await proxy?.stop();
      await db.drop();
    },
  };
}
