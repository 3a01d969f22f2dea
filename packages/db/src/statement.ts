// Hot writes as named prepared statements on the executor's own connection. Drizzle rebuilds a query's SQL text
// from its builder on every call — for a multi-row INSERT of 50 rows that was most of the cost of writing them
// (profiled at 1,000 usage records/s) — and a VALUES list whose length varies is a new statement text to
// Postgres each time, parsed and planned again. A statement with a fixed text over arrays (`unnest($1::text[],
// …)`, `= ANY($1)`) is parsed once per pooled connection and then only bound and executed, and its text is
// written once, here in the code, instead of per call.
import type pg from 'pg';
import type { Executor } from './database.ts';

/** The pg client or pool behind a drizzle handle: a transaction's connection, or the service's pool. */
function clientOf(ex: Executor): pg.PoolClient | pg.Pool {
  const client = (ex as unknown as { session?: { client?: pg.PoolClient | pg.Pool } }).session?.client;
  if (!client || typeof client.query !== 'function') throw new Error('@bss/db: this drizzle handle exposes no pg client (drizzle internals changed?)');
  return client;
}

/**
 * A named prepared statement run on `ex` (inside its transaction when `ex` is one). Row values arrive as pg
 * parses them (timestamptz → Date, int8 → string), not as drizzle maps them: select what the caller needs,
 * or `to_json(t)` and `rowFromJson` for a whole row.
 */
export function statement<R extends pg.QueryResultRow = pg.QueryResultRow>(name: string, text: string): (ex: Executor, values: unknown[]) => Promise<pg.QueryResult<R>> {
  return (ex, values) => clientOf(ex).query<R>({ name, text, values });
}

/**
 * The arrays a statement over `unnest(...)` takes: one per key, in the keys' order, each holding that field of
 * every row (a Date as its ISO instant, a missing value as NULL).
 */
export function columnArrays<T extends object, K extends keyof T>(rows: readonly T[], keys: readonly K[]): unknown[][] {
  return keys.map((k) =>
    rows.map((r) => {
      const v = r[k];
      return v instanceof Date ? v.toISOString() : (v ?? null);
    }),
  );
}
