// Reads whose response body Postgres builds: the statement returns the wire JSON as text (json_build_object …),
// which the route sends as the raw body, so no row is parsed into objects, mapped and re-serialised in Node.
// Each is a named prepared statement run on the pool directly (no query builder on the hot path).
import type pg from 'pg';

/** `expr` (a timestamptz) as JavaScript's `Date.prototype.toISOString()` writes it: UTC, milliseconds, `Z`. */
export const isoSql = (expr: string): string => `to_char((${expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** One JSON document per row (column `body`) and, for a page, the filtered total (column `total`). */
export interface JsonRow {
  body: string;
  total?: number;
}

/** A named prepared statement over `pool` returning JsonRows. */
export function jsonStatement(pool: pg.Pool, name: string, text: string): (values: unknown[]) => Promise<JsonRow[]> {
  return async (values) => (await pool.query<JsonRow>({ name, text, values })).rows;
}

/** Rows of one page joined into the JSON array body (the rows are already in page order). */
export const jsonArray = (rows: JsonRow[]): string => `[${rows.map((r) => r.body).join(',')}]`;
