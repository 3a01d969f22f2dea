// The fleet the scenario set runs against when nothing else is named: every service in this process (as `make up`
// runs them) on free ports below the ephemeral range (checked, picked again on a clash) — never the developer's
// 8001… ports — over a fresh database cloned from the migrated template and this run's own RabbitMQ exchange and
// queues; provisioning takes no time. `stop()` removes the run's broker objects and drops its database, so a
// scenario run leaves nothing behind.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { envStem, SERVICE_NAMES, type ServiceName } from '@bss/config';
import { CONSUMER_QUEUES } from '@bss/contracts';
import { DEFAULT_RETRY_DELAYS_MS, parkedQueueOf, retryQueueOf, unroutedOf } from '@bss/events';
import { startFleet, type Fleet } from '@bss/fleet';
import { createTestDatabase, prepareTemplate, testServerUrl, type TestDatabase } from '@bss/testing';
import amqp from 'amqplib';

export interface ScenarioFleet {
  fleet: Fleet;
  token: string;
  /** The portal's named token (identity portal_self_serve), for the audit-separation scenario. */
  portalToken: string;
  kycSigningSecret: string;
  urls: Record<ServiceName, string>;
  /** The env a `bss` process (or runCli) needs to reach this fleet. */
  cliEnv: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * A port nothing listens on right now, below Linux's ephemeral range (32768+): a port the OS hands out for
 * listen(0) can be taken by an outgoing connection before the service binds it.
 */
async function freePort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    if (taken.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (free) {
      taken.add(port);
      return port;
    }
  }
}

export async function startScenarioFleet(opts: { prepareTemplate?: boolean } = {}): Promise<ScenarioFleet> {
  const mqUrl = process.env.BSS_MQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
  if (opts.prepareTemplate) {
    const server = testServerUrl();
    if (!server) throw new Error('BSS_TEST_DB_URL is not set: the scenario fleet clones its database from the migrated template there');
    await prepareTemplate(server);
  }
  const token = randomBytes(24).toString('hex');
  const kycSigningSecret = randomBytes(24).toString('hex');
  const portalToken = randomBytes(24).toString('hex');
  const exchange = `bss.scn.${randomBytes(4).toString('hex')}`;
  const db: TestDatabase = await createTestDatabase();
  const env: Record<string, string> = {
    BSS_DB_URL: db.url,
    BSS_MQ_URL: mqUrl,
    BSS_MQ_EXCHANGE: exchange,
    BSS_MQ_QUEUE_PREFIX: `${exchange}.`,
    BSS_API_TOKEN: token,
    BSS_PORTAL_SELF_SERVE_API_TOKEN: portalToken,
    BSS_KYC_SIGNING_SECRET: kycSigningSecret,
    BSS_KYC_DOCUMENT_PEPPER: randomBytes(24).toString('hex'),
    BSS_ALLOW_ADMIN_RESET: 'true',
    BSS_LOG_LEVEL: process.env.BSS_SCENARIO_LOG_LEVEL ?? 'silent',
    BSS_PROVISIONING_TASK_DURATION_MS: '0',
    // every service in one process: pools of 2 keep the run (~20 connections) well inside Postgres's default 100, shared with other runs
    BSS_DB_POOL_MAX: '2',
  };
  const urls = {} as Record<ServiceName, string>;
  const pickPorts = async () => {
    const taken = new Set<number>();
    for (const name of SERVICE_NAMES) {
      const port = await freePort(taken);
      env[`BSS_${envStem(name)}_PORT`] = String(port);
      env[`BSS_${envStem(name)}_URL`] = urls[name] = `http://127.0.0.1:${port}`;
    }
  };
  // Another process may bind a checked port before a service does: pick again and retry (a few times).
  let fleet: Fleet | undefined;
  for (let attempt = 1; !fleet; attempt++) {
    await pickPorts();
    try {
      fleet = await startFleet(env);
    } catch (err) {
      if ((err as { code?: string }).code !== 'EADDRINUSE' || attempt >= 4) {
        await db.drop();
        throw err;
      }
    }
  }
  const cliEnv: Record<string, string> = { BSS_API_TOKEN: token, BSS_PORTAL_SELF_SERVE_API_TOKEN: portalToken, BSS_KYC_SIGNING_SECRET: kycSigningSecret };
  for (const name of SERVICE_NAMES) cliEnv[`BSS_${envStem(name)}_URL`] = urls[name];
  return {
    fleet,
    token,
    portalToken,
    kycSigningSecret,
    urls,
    cliEnv,
    async stop() {
      await fleet.stop().catch(() => {});
      const mq = await amqp.connect(mqUrl);
      mq.on('error', () => {});
      const ch = await mq.createChannel();
      ch.on('error', () => {});
      for (const { queue } of CONSUMER_QUEUES) {
        const q = `${exchange}.${queue}`;
        for (const name of [q, parkedQueueOf(q), ...DEFAULT_RETRY_DELAYS_MS.map((ms) => retryQueueOf(q, ms))]) await ch.deleteQueue(name).catch(() => {});
      }
      await ch.deleteExchange(exchange).catch(() => {});
      await ch.deleteQueue(unroutedOf(exchange)).catch(() => {});
      await ch.deleteExchange(unroutedOf(exchange)).catch(() => {});
      await mq.close().catch(() => {});
      await db.drop();
    },
  };
}
