// Integration-test setup: use the Postgres/RabbitMQ named by env (make test sets them); only when no URL is
// given at all fall back to throwaway testcontainers. Then build the migrated template database once.
import { prepareTemplate, pruneTestDatabases, testServerUrl } from '@bss/testing';

let stopContainers: (() => Promise<void>) | undefined;

async function startContainers(): Promise<void> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const { GenericContainer, Wait } = await import('testcontainers');
  const pgc = await new PostgreSqlContainer('postgres:16-alpine').withUsername('postgres').withPassword('postgres').start();
  const mq = await new GenericContainer('rabbitmq:3.13-alpine').withExposedPorts(5672).withWaitStrategy(Wait.forLogMessage(/Server startup complete/)).start();
  process.env.BSS_TEST_DB_URL = pgc.getConnectionUri();
  process.env.BSS_MQ_URL = `amqp://guest:guest@${mq.getHost()}:${mq.getMappedPort(5672)}`;
  stopContainers = async () => {
    await pgc.stop();
    await mq.stop();
  };
}

export async function setup(): Promise<void> {
  if (!testServerUrl()) await startContainers();
  process.env.BSS_MQ_URL ??= 'amqp://guest:guest@127.0.0.1:5672';
  // Only a run that owns the server prunes (make test sets this); parallel dev runs must not.
  if (process.env.BSS_TEST_PRUNE === '1') await pruneTestDatabases(testServerUrl()!);
  await prepareTemplate(testServerUrl()!);
}

export async function teardown(): Promise<void> {
  await stopContainers?.();
}
