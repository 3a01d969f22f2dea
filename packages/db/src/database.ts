// One pg pool + drizzle per service. Row columns map camelCase <-> snake_case through drizzle's casing option.
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';

/** The drizzle database handle a service queries through. */
export type Db = NodePgDatabase<Record<string, never>>;
/** A transaction handle; repositories take it as their first argument. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either a plain handle (reads) or a transaction (writes). */
export type Executor = Db | Tx;

/** A service's database: pool, drizzle handle and lifecycle. */
export interface Database {
  pool: pg.Pool;
  db: Db;
  /** True when `SELECT 1` succeeds within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Server-side limits every pooled session gets unless told otherwise (BSS_DB_STATEMENT_TIMEOUT_MS, BSS_DB_IDLE_TX_TIMEOUT_MS). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;
export const DEFAULT_IDLE_TX_TIMEOUT_MS = 30_000;

/** Pool options; the timeouts are in milliseconds. */
export interface DatabaseOptions {
  max?: number;
  applicationName?: string;
  /** Postgres cancels any statement running longer (SQLSTATE 57014). */
  statementTimeoutMs?: number;
  /** Postgres ends a session idling inside an open transaction for longer (SQLSTATE 25P03), releasing its locks. */
  idleInTransactionTimeoutMs?: number;
}

/**
 * Opens a pool (lazily connecting) and wraps it in drizzle. Every connection starts with `statement_timeout`
 * and `idle_in_transaction_session_timeout` set (as startup parameters, so no extra round trip): a runaway
 * query or a transaction left open by a stuck caller cannot hold row locks (case, ticket, MSISDN) forever.
 */
export function createDatabase(url: string, opts: DatabaseOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    application_name: opts.applicationName ?? 'bss',
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: opts.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: opts.idleInTransactionTimeoutMs ?? DEFAULT_IDLE_TX_TIMEOUT_MS,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // Nor may a checked-out one between two queries (the pool listens only while a client is idle): its holder
  // learns of the loss from the next query's rejection, which consumers treat as a transient failure.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzle({ client: pool, casing: 'snake_case' }) as Db;
  let closed = false;
  return {
    pool,
    db,
    async ping(timeoutMs = 2_000) {
      try {
        const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref());
        await Promise.race([pool.query('SELECT 1'), timeout]);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** The SQLSTATE of a pg error, looking through wrappers (drizzle wraps driver errors in `cause`). */
export function pgErrorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** The pg error object itself (with `constraint`, `detail`), looking through wrappers. */
export function pgError(err: unknown): (Error & { code: string; constraint?: string; detail?: string }) | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return e as Error & { code: string };
  }
  return undefined;
}

/** unique_violation */
export const PG_UNIQUE_VIOLATION = '23505';
/** foreign_key_violation */
export const PG_FOREIGN_KEY_VIOLATION = '23503';
/** query_canceled: raised when statement_timeout cancels a statement */
export const PG_QUERY_CANCELED = '57014';
