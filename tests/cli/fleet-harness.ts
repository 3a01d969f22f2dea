// A real fleet for the CLI tests: catalog, crm and payment on random ports over one test database and this run's
// own RabbitMQ exchange/queues (as tests/e2e/fleet.test.ts), admin (clock, reset) switched on as `make up` does.
import { randomBytes } from 'node:crypto';
import { CONSUMER_QUEUES } from '@bss/contracts';
import { startFleet, type Fleet } from '@bss/fleet';
import { createTestDatabase, type TestDatabase } from '@bss/testing';
import amqp from 'amqplib';

export interface CliFleet {
  fleet: Fleet;
  token: string;
  kycSigningSecret: string;
  /** The env a `bss` process needs to reach this fleet (no .bss/ files involved). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startCliFleet(): Promise<CliFleet> {
  const token = randomBytes(24).toString('hex');
  const kycSigningSecret = randomBytes(24).toString('hex');
  const exchange = `bss.cli.${randomBytes(4).toString('hex')}`;
  const base = 23000 + Math.floor(Math.random() * 2000) * 10;
  const ports = { catalog: base + 1, crm: base + 2, payment: base + 3 };
  const urls = { BSS_CATALOG_URL: `http://127.0.0.1:${ports.catalog}`, BSS_CRM_URL: `http://127.0.0.1:${ports.crm}`, BSS_PAYMENT_URL: `http://127.0.0.1:${ports.payment}` };
  const mqUrl = process.env.BSS_MQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
  const db: TestDatabase = await createTestDatabase();
  const fleet = await startFleet(
    {
      BSS_DB_URL: db.url,
      BSS_MQ_URL: mqUrl,
      BSS_MQ_EXCHANGE: exchange,
      BSS_MQ_QUEUE_PREFIX: `${exchange}.`,
      BSS_API_TOKEN: token,
      BSS_KYC_SIGNING_SECRET: kycSigningSecret,
      BSS_KYC_DOCUMENT_PEPPER: randomBytes(24).toString('hex'),
      BSS_ALLOW_ADMIN_RESET: 'true',
      BSS_LOG_LEVEL: 'silent',
      BSS_CATALOG_PORT: String(ports.catalog),
      BSS_CRM_PORT: String(ports.crm),
      BSS_PAYMENT_PORT: String(ports.payment),
      ...urls,
    },
    ['catalog', 'crm', 'payment'],
  ).catch(async (err) => {
    await db.drop();
    throw err;
  });
  return {
    fleet,
    token,
    kycSigningSecret,
    // No subscription service in this fleet: point its URL at a closed port so the 360 view reports it unavailable.
    env: { BSS_API_TOKEN: token, BSS_KYC_SIGNING_SECRET: kycSigningSecret, BSS_SUBSCRIPTION_URL: 'http://127.0.0.1:9', ...urls },
    async stop() {
      await fleet.stop();
      const mq = await amqp.connect(mqUrl);
      const ch = await mq.createChannel();
      for (const { queue } of CONSUMER_QUEUES) {
        for (const suffix of ['', '.parked', '.retry.1s', '.retry.5s', '.retry.30s', '.retry.2m', '.retry.5m']) await ch.deleteQueue(`${exchange}.${queue}${suffix}`).catch(() => {});
      }
      await ch.deleteExchange(exchange).catch(() => {});
      await ch.deleteQueue(`${exchange}.unrouted`).catch(() => {});
      await ch.deleteExchange(`${exchange}.unrouted`).catch(() => {});
      await mq.close();
      await db.drop();
    },
  };
}
