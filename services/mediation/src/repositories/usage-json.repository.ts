// The usage list without `fields` with the TMF635 Usage JSON built by Postgres: the statement returns toUsage's
// output as the zod response schema writes it (same keys in schema order, `description` omitted when null,
// the externalId characteristic only when set, timestamps as toISOString writes them). usage-json.test.ts
// compares it with the mapper's output byte for byte, so a change to toUsage or usage.Usage needs the same here.
// The statement text carries only the filters given (one named statement per combination, at most 32), so each
// keeps its own plan and index use, as the query builder's did.
import { isoSql, jsonArray, jsonStatement, type Database, type JsonRow } from '@bss/db';
import type { UsageFilter } from './usage.repository.ts';
import { currentTenant } from './tenant.ts';

const char = (name: string, valueType: string, column: string) => `json_build_object('name', '${name}', 'valueType', '${valueType}', 'value', ${column})`;
const CHARS = [
  char('msisdn', 'string', 'u.msisdn'),
  char('quantity', 'integer', 'u.quantity'),
  char('unit', 'string', 'u.unit'),
  char('roaming', 'boolean', 'u.roaming'),
  char('source', 'string', 'u.source'),
  char('subscriptionId', 'string', 'u.subscription_id'),
  char('offeringId', 'string', 'u.offering_id'),
].join(', ');

/** The Usage of row `u` ($1 is the href prefix: the collection URL and `/`). */
const USAGE_JSON = `json_build_object(
  'id', u.id,
  'href', $1::text || u.id,
  'description', u.description,
  'usageDate', ${isoSql('u.event_time')},
  'usageType', u.event_type,
  'status', 'received',
  'usageCharacteristic', CASE WHEN u.external_id IS NULL THEN json_build_array(${CHARS})
    ELSE json_build_array(${CHARS}, ${char('externalId', 'string', 'u.external_id')}) END,
  'relatedParty', json_build_array(json_build_object('id', u.customer_id, 'role', 'customer', '@referredType', 'Customer')),
  '@type', 'Usage')`;
// Only `description` can be null (every other column is NOT NULL): json_strip_nulls drops it the way omitEmpty
// does, and writes the document compactly, as JSON.stringify does (json_build_object alone writes `"k" : v`).
const BODY = `json_strip_nulls(${USAGE_JSON})::text`;

const FILTERS: [key: keyof UsageFilter, sql: (n: number) => string][] = [
  ['msisdn', (n) => `u.msisdn = $${n}`],
  ['subscriptionId', (n) => `u.subscription_id = $${n}`],
  ['eventType', (n) => `u.event_type = $${n}`],
  ['since', (n) => `u.event_time >= $${n}`],
  ['until', (n) => `u.event_time < $${n}`],
];

export interface UsageJsonReads {
  /** A page (newest event first) as a JSON array, with the filtered total. */
  list(filter: UsageFilter, page: { offset: number; limit: number }): Promise<{ body: string; returned: number; total: number }>;
}

/** The JSON reads over `database`; `hrefPrefix` is what an id is appended to (`…/usage/`). */
export function usageJsonReads(database: Database, hrefPrefix: string): UsageJsonReads {
  const statements = new Map<number, { page: (v: unknown[]) => Promise<JsonRow[]>; count: (v: unknown[]) => Promise<JsonRow[]> }>();
  const statementsFor = (mask: number) => {
    let s = statements.get(mask);
    if (!s) {
      // $1 href prefix, $2 tenant, then the filters present, then offset and limit.
      const conds = ['u.tenant_id = $2'];
      let n = 3;
      FILTERS.forEach(([, cond], i) => {
        if (mask & (1 << i)) conds.push(cond(n++));
      });
      const where = `FROM mediation.usage u WHERE ${conds.join(' AND ')}`;
      s = {
        page: jsonStatement(database.pool, `med_usage_page_json_${mask}`, `SELECT count(*) OVER ()::int AS total, ${BODY} AS body ${where} ORDER BY u.event_time DESC, u.id DESC OFFSET $${n} LIMIT $${n + 1}`),
        // The same numbering ($1 unused but typed, so the values line up with the page's).
        count: jsonStatement(database.pool, `med_usage_count_json_${mask}`, `SELECT count(*)::int AS total ${where} AND $1::text IS NOT NULL`),
      };
      statements.set(mask, s);
    }
    return s;
  };
  return {
    async list(filter, page) {
      let mask = 0;
      const values: unknown[] = [hrefPrefix, currentTenant()];
      FILTERS.forEach(([key], i) => {
        const v = filter[key];
        if (v === undefined) return;
        mask |= 1 << i;
        values.push(v);
      });
      const s = statementsFor(mask);
      const rows = await s.page([...values, page.offset, page.limit]);
      // A page past the end has no row to carry the window count; only then is a second statement needed.
      const total = rows[0] ? rows[0].total! : page.offset === 0 ? 0 : ((await s.count(values))[0]?.total ?? 0);
      return { body: jsonArray(rows), returned: rows.length, total };
    },
  };
}
