// @bss/db: pg pool + drizzle, prepared-read and prepared-write helpers, migrations, reset helpers and pg error codes.
export {
  createDatabase,
  DEFAULT_IDLE_TX_TIMEOUT_MS,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  pgError,
  pgErrorCode,
  PG_FOREIGN_KEY_VIOLATION,
  PG_QUERY_CANCELED,
  PG_UNIQUE_VIOLATION,
  type Database,
  type DatabaseOptions,
  type Db,
  type Executor,
  type Tx,
} from './database.ts';
export { loggableError, maskValues, type LoggedError } from './error-log.ts';
export { ensureDatabase, listSchemas, migrate, type MigrateOptions, type MigrateResult } from './migrate.ts';
export { isoSql, jsonArray, jsonStatement, type JsonRow } from './json-read.ts';
export { preparedOn, rowFromJson } from './prepared.ts';
export { columnArrays, statement } from './statement.ts';
export { truncateTables } from './reset.ts';
export { createListener, listenerPool, type Listener, type ListenerOptions } from './listen.ts';
