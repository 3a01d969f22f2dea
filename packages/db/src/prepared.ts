// Hot reads as named prepared statements, and rows that arrive as JSON (json_agg of a child table) mapped back
// to the table's row type — together they let a read be one round trip without giving up drizzle's typing.
//
// `preparedOn(build)` builds the drizzle query (with `sql.placeholder`s) and `.prepare(name)`s it once per
// executor: on the service's long-lived handle the query is built once and node-postgres parses it once per
// pooled connection, after which each call sends only Bind/Execute. A transaction is a fresh executor, so there
// it is built per call — still under the same name and text, which each connection has already parsed.
import { getTableColumns, type Column, type Table } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { Executor } from './database.ts';

/** `build(executor)` memoised per executor (weakly: transactions are collected with their handle). */
export function preparedOn<P>(build: (ex: Executor) => P): (ex: Executor) => P {
  const cache = new WeakMap<Executor, P>();
  return (ex) => {
    let p = cache.get(ex);
    if (p === undefined) cache.set(ex, (p = build(ex)));
    return p;
  };
}

/**
 * A row of `table` from its JSON form (`to_json(t)` / `json_agg(t)`: snake_case keys, timestamps as ISO
 * strings), mapped exactly as drizzle maps a selected row (camelCase keys, Date timestamps, parsed jsonb).
 */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [key, name, column] of columnsOf(table)) {
    const v = json[name];
    row[key] = v === null || v === undefined ? null : column.mapFromDriverValue(v);
  }
  return row as T['$inferSelect'];
}

type ColumnPlan = [key: string, name: string, column: Column][];
const plans = new WeakMap<Table, ColumnPlan>();

// The database handle uses `casing: 'snake_case'` (database.ts): a column declared without a name is stored
// under its key in snake_case, as drizzle's own CasingCache derives it.
function columnsOf(table: Table): ColumnPlan {
  let plan = plans.get(table);
  if (!plan) {
    plan = Object.entries(getTableColumns(table)).map(([key, column]) => [key, column.keyAsName ? toSnakeCase(key) : column.name, column]);
    plans.set(table, plan);
  }
  return plan;
}
