// Every pooled session carries statement_timeout and idle_in_transaction_session_timeout, from config: a runaway
// statement is cancelled and an abandoned transaction is ended (releasing its locks), and both surface as a 503.
import { loadServiceConfig } from '@bss/config';
import { createDatabase, pgErrorCode, PG_QUERY_CANCELED, type Database } from '@bss/db';
import { toEnvelope } from '@bss/server-kit';
import { createTestDatabase, testEnv, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let db: TestDatabase;
const opened: Database[] = [];
beforeAll(async () => {
  db = await createTestDatabase({ max: 1 });
});
afterAll(async () => {
  for (const d of opened) await d.close();
  await db?.drop();
});

function open(opts: Parameters<typeof createDatabase>[1] = {}): Database {
  const d = createDatabase(db.url, { max: 2, ...opts });
  opened.push(d);
  return d;
}

const show = async (d: Database, setting: string) => (await d.pool.query<Record<string, string>>(`SHOW ${setting}`)).rows[0]![setting];

describe('pooled session timeouts', () => {
  it('defaults to 15 s per statement and 30 s idle in a transaction', async () => {
    const d = open();
    expect(await show(d, 'statement_timeout')).toBe('15s');
    expect(await show(d, 'idle_in_transaction_session_timeout')).toBe('30s');
  });

  it('takes the values from BSS_DB_STATEMENT_TIMEOUT_MS / BSS_DB_IDLE_TX_TIMEOUT_MS', async () => {
    const config = loadServiceConfig('catalog', testEnv({ BSS_DB_URL: db.url, BSS_DB_STATEMENT_TIMEOUT_MS: '1500', BSS_DB_IDLE_TX_TIMEOUT_MS: '2500' }));
    expect([config.dbStatementTimeoutMs, config.dbIdleTxTimeoutMs]).toEqual([1500, 2500]);
    const d = open({ statementTimeoutMs: config.dbStatementTimeoutMs, idleInTransactionTimeoutMs: config.dbIdleTxTimeoutMs });
    expect(await show(d, 'statement_timeout')).toBe('1500ms');
    expect(await show(d, 'idle_in_transaction_session_timeout')).toBe('2500ms');
  });

  it('cancels a statement that runs longer than statement_timeout; the error handler answers 503', async () => {
    const d = open({ statementTimeoutMs: 200 });
    const started = process.hrtime.bigint();
    const err = await d.pool.query('SELECT pg_sleep(3)').then(
      () => undefined,
      (e: unknown) => e,
    );
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(pgErrorCode(err)).toBe(PG_QUERY_CANCELED);
    expect(elapsedMs).toBeLessThan(2_000);
    expect(toEnvelope(err, 'req-1')).toMatchObject({ status: 503, body: { code: 'DOWNSTREAM_UNAVAILABLE', reason: 'database.timeout' } });
    // The pool stays usable after the cancel.
    expect((await d.pool.query('SELECT 1 AS one')).rows[0]).toEqual({ one: 1 });
  });

  it('answers 503 when the database refuses a connection (too many clients, unreachable), 500 for a bug', async () => {
    const refused = await createDatabase('postgres://postgres@127.0.0.1:1/postgres', { max: 1 })
      .pool.query('SELECT 1')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(toEnvelope(refused, 'req-1')).toMatchObject({ status: 503, body: { code: 'DOWNSTREAM_UNAVAILABLE', reason: 'database.unavailable' } });
    const tooMany = Object.assign(new Error('sorry, too many clients already'), { code: '53300', severity: 'FATAL' });
    expect(toEnvelope(tooMany, 'req-1')).toMatchObject({ status: 503, body: { reason: 'database.unavailable' } });
    expect(toEnvelope(new TypeError('x is undefined'), 'req-1')).toMatchObject({ status: 500, body: { reason: 'internal' } });
  });

  it('ends a session left idle inside a transaction, releasing its row locks', async () => {
    const d = open({ idleInTransactionTimeoutMs: 200 });
    await d.pool.query('CREATE TABLE IF NOT EXISTS public.timeout_probe (id int PRIMARY KEY)');
    await d.pool.query('INSERT INTO public.timeout_probe VALUES (1) ON CONFLICT DO NOTHING');
    const stuck = await d.pool.connect();
    stuck.on('error', () => {}); // the server closes this connection; the pool must not crash the process
    await stuck.query('BEGIN');
    await stuck.query('SELECT * FROM public.timeout_probe WHERE id = 1 FOR UPDATE');
    await new Promise((r) => setTimeout(r, 600));
    // A second session can lock the row without waiting: the abandoned transaction was terminated.
    const other = open({ statementTimeoutMs: 1_000 });
    expect((await other.pool.query('SELECT id FROM public.timeout_probe WHERE id = 1 FOR UPDATE NOWAIT')).rows).toEqual([{ id: 1 }]);
    await expect(stuck.query('SELECT 1')).rejects.toThrow();
    stuck.release(true);
  });
});
