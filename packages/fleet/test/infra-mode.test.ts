// How a local run picks its infrastructure, against what really answers here: the test servers (BSS_TEST_DB_URL,
// BSS_MQ_URL) and ports where nothing listens. A missing default falls back to the embedded parts; a missing
// server the user named explicitly, or BSS_EMBEDDED=0, is an error that says what to do.
import net from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { brokerAnswers, chooseInfra, postgresAnswers, redact } from '../src/index.ts';

const PG = process.env.BSS_TEST_DB_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MQ = process.env.BSS_MQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
let closedPort: number;

beforeAll(async () => {
  // A port that was just free: bind, note it, release.
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  closedPort = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
});

const deadPg = () => `postgres://postgres:secret@127.0.0.1:${closedPort}/bss`;
const deadMq = () => `amqp://guest:guest@127.0.0.1:${closedPort}`;

describe('what answers', () => {
  it('counts a PostgreSQL that refuses us (no such database) as answering, a closed port as not', async () => {
    const noSuchDb = new URL(PG);
    noSuchDb.pathname = '/bss_no_such_database_here';
    expect(await postgresAnswers(PG)).toBe(true);
    expect(await postgresAnswers(noSuchDb.toString())).toBe(true);
    expect(await postgresAnswers(deadPg())).toBe(false);
  });

  it('probes the broker by TCP', async () => {
    expect(await brokerAnswers(MQ)).toBe(true);
    expect(await brokerAnswers(deadMq())).toBe(false);
    expect(await brokerAnswers('not a url')).toBe(false);
  });

  it('never prints a password', () => {
    expect(redact('postgres://postgres:hunter2@127.0.0.1:5432/bss')).toBe('postgres://postgres:***@127.0.0.1:5432/bss');
    expect(redact('amqp://127.0.0.1:5672')).toBe('amqp://127.0.0.1:5672');
  });
});

describe('chooseInfra', () => {
  it('uses the servers that answer', async () => {
    const choice = await chooseInfra({ BSS_DB_URL: PG, BSS_MQ_URL: MQ });
    expect(choice).toEqual({ database: { mode: 'server', url: PG }, bus: { mode: 'amqp', url: MQ }, why: [] });
  });

  it('falls back to the embedded server and the in-process bus when the default servers do not answer', async () => {
    const defaults = { db: deadPg(), mq: deadMq() };
    const choice = await chooseInfra({}, defaults);
    expect(choice.database).toEqual({ mode: 'embedded' });
    expect(choice.bus).toEqual({ mode: 'in-process' });
    expect(choice.why.join('\n')).toMatch(/no PostgreSQL answers at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/bss: using the embedded server/);
    // each part on its own: a real PostgreSQL with the in-process bus
    expect(await chooseInfra({}, { db: PG, mq: defaults.mq })).toMatchObject({ database: { mode: 'server', url: PG }, bus: { mode: 'in-process' } });
  });

  it('forces the embedded parts with BSS_EMBEDDED=1, even where servers answer', async () => {
    const choice = await chooseInfra({ BSS_EMBEDDED: '1', BSS_DB_URL: PG, BSS_MQ_URL: MQ });
    expect(choice).toMatchObject({ database: { mode: 'embedded' }, bus: { mode: 'in-process' } });
    expect(choice.why).toEqual(['BSS_EMBEDDED=1: embedded PostgreSQL and the in-process bus, whatever servers are running']);
  });

  it('refuses to fall back for a server named explicitly, or with BSS_EMBEDDED=0', async () => {
    await expect(chooseInfra({ BSS_DB_URL: deadPg(), BSS_MQ_URL: MQ })).rejects.toThrow(/no PostgreSQL answers at postgres:\/\/postgres:\*\*\*@.*: start it, or unset BSS_DB_URL/);
    await expect(chooseInfra({ BSS_DB_URL: PG, BSS_MQ_URL: deadMq() })).rejects.toThrow(/no RabbitMQ answers at .*: start it, or unset BSS_MQ_URL/);
    await expect(chooseInfra({ BSS_EMBEDDED: '0' }, { db: deadPg(), mq: MQ })).rejects.toThrow(/drop BSS_EMBEDDED=0/);
    await expect(chooseInfra({ BSS_EMBEDDED: 'maybe' })).rejects.toThrow(/BSS_EMBEDDED must be 1, 0 or auto/);
  });
});
