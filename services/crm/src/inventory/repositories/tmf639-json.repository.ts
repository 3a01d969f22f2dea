// The TMF639 resource list without `fields` with the Resource JSON built by Postgres: the statement returns
// msisdnToTmf639 / esimToTmf639 output as the zod response schema writes it (schema key order, optional parts
// omitted). The status mappings are generated from the mappers' own tables (MSISDN_STATUS, ESIM_STATE), so they
// are declared once; tmf639-json.test.ts compares the text with the mapper path byte for byte for every pool
// state. Same page, order, filters and total as listPoolPage (tmf639.repository.ts), from the same statement.
// Pool keys are digits only (the pools' create rules, add-range, port-in): an id needs no URI encoding in its href.
import { jsonArray, jsonStatement, type Database } from '@bss/db';
import { ESIM_ID_PREFIX, ESIM_STATE, MSISDN_ID_PREFIX, MSISDN_STATUS } from '../domain/tmf639.mappers.ts';
import type { PoolFilter } from './tmf639.repository.ts';

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** CASE over a status column from one of the mappers' tables (`pick` the attribute), with the mapper's default. */
function mapped<T extends Record<string, unknown>>(column: string, table: Record<string, T>, pick: (m: T) => string, otherwise: string): string {
  return `CASE ${column} ${Object.entries(table)
    .map(([state, m]) => `WHEN ${lit(state)} THEN ${lit(pick(m))}`)
    .join(' ')} ELSE ${lit(otherwise)} END`;
}
const char = (name: string, column: string) => `json_build_object('name', ${lit(name)}, 'valueType', 'string', 'value', ${column})`;
const party = (id: string, role: string, type: string) => `json_build_object('id', ${id}, 'role', ${lit(role)}, '@referredType', ${lit(type)})`;
/** The owners list (customer, then subscription; omitted when neither), as the mapper's `owners`. */
function owners(sub: string, cust: string): string {
  const c = party(`NULLIF(${cust}, '')`, 'owner', 'Customer');
  const s = party(`NULLIF(${sub}, '')`, 'subscription', 'Subscription');
  return `CASE WHEN NULLIF(${cust}, '') IS NULL AND NULLIF(${sub}, '') IS NULL THEN NULL
    WHEN NULLIF(${sub}, '') IS NULL THEN json_build_array(${c}) WHEN NULLIF(${cust}, '') IS NULL THEN json_build_array(${s})
    ELSE json_build_array(${c}, ${s}) END`;
}

// $1 is the href prefix (the collection URL and `/`).
const MSISDN_ID = `${lit(MSISDN_ID_PREFIX)} || m.msisdn`;
const MSISDN_JSON = `json_build_object(
  'id', ${MSISDN_ID},
  'href', $1::text || ${MSISDN_ID},
  'name', m.msisdn,
  'category', 'msisdn',
  'resourceStatus', ${mapped('m.status', MSISDN_STATUS, (m) => m.resourceStatus, 'unknown')},
  'operationalState', ${mapped('m.status', MSISDN_STATUS, (m) => (m.enabled ? 'enable' : 'disable'), 'disable')},
  'administrativeState', ${mapped('m.status', MSISDN_STATUS, (m) => (m.enabled ? 'unlocked' : 'locked'), 'locked')},
  'usageState', ${mapped('m.status', MSISDN_STATUS, (m) => m.usageState, 'idle')},
  'resourceCharacteristic', json_build_array(${char('msisdn', 'm.msisdn')}, ${char('state', 'm.status')}, ${char('origin', 'm.origin')}),
  'relatedParty', ${owners('m.assigned_to_subscription_id', 'm.assigned_to_customer_id')},
  '@type', 'LogicalResource',
  '@baseType', 'Resource')`;

const ESIM_ID = `${lit(ESIM_ID_PREFIX)} || e.iccid`;
const ESIM_CHARS = [char('iccid', 'e.iccid'), char('imsi', 'e.imsi'), char('state', 'e.profile_state'), char('smdpServer', 'e.smdp_server')].join(', ');
const RELIES_ON = `${lit(MSISDN_ID_PREFIX)} || e.assigned_msisdn`;
const ESIM_JSON = `json_build_object(
  'id', ${ESIM_ID},
  'href', $1::text || ${ESIM_ID},
  'name', e.iccid,
  'category', 'esimProfile',
  'resourceStatus', ${mapped('e.profile_state', ESIM_STATE, (m) => m.resourceStatus, 'unknown')},
  'operationalState', 'enable',
  'administrativeState', 'unlocked',
  'usageState', ${mapped('e.profile_state', ESIM_STATE, (m) => m.usageState, 'idle')},
  'resourceCharacteristic', CASE WHEN e.assigned_msisdn IS NULL THEN json_build_array(${ESIM_CHARS})
    ELSE json_build_array(${ESIM_CHARS}, ${char('msisdn', 'e.assigned_msisdn')}) END,
  'relatedParty', ${owners('e.assigned_to_subscription_id', 'e.assigned_to_customer_id')},
  'resourceRelationship', CASE WHEN NULLIF(e.assigned_msisdn, '') IS NULL THEN NULL ELSE json_build_array(json_build_object(
    'relationshipType', 'reliesOn',
    'resource', json_build_object('id', ${RELIES_ON}, 'href', $1::text || ${RELIES_ON}, '@referredType', 'LogicalResource'))) END,
  '@type', 'PhysicalResource',
  '@baseType', 'Resource')`;

/** listPoolPage's filtered key set, its parameters numbered from $n (msisdn, esim, name, msisdnStatuses, esimStates). */
const filtered = (n: number) => `
  SELECT 0 AS pool, msisdn AS key FROM inventory.msisdn_pool
    WHERE $${n}::bool AND ($${n + 2}::text IS NULL OR msisdn = $${n + 2}::text) AND ($${n + 3}::text[] IS NULL OR status = ANY($${n + 3}::text[]))
  UNION ALL
  SELECT 1 AS pool, iccid AS key FROM inventory.esim_profile
    WHERE $${n + 1}::bool AND ($${n + 2}::text IS NULL OR iccid = $${n + 2}::text) AND ($${n + 4}::text[] IS NULL OR profile_state = ANY($${n + 4}::text[]))`;

/**
 * The keys of the page: each pool's first offset+limit keys in key order (its primary key index, read no further),
 * then the page of the two in (pool, key) order — the same rows as paging the whole filtered set, without
 * sorting it.
 */
const pageKeys = (n: number) => `
  (SELECT 0 AS pool, msisdn AS key FROM inventory.msisdn_pool
    WHERE $${n}::bool AND ($${n + 2}::text IS NULL OR msisdn = $${n + 2}::text) AND ($${n + 3}::text[] IS NULL OR status = ANY($${n + 3}::text[]))
    ORDER BY msisdn LIMIT $${n + 5}::int + $${n + 6}::int)
  UNION ALL
  (SELECT 1 AS pool, iccid AS key FROM inventory.esim_profile
    WHERE $${n + 1}::bool AND ($${n + 2}::text IS NULL OR iccid = $${n + 2}::text) AND ($${n + 4}::text[] IS NULL OR profile_state = ANY($${n + 4}::text[]))
    ORDER BY iccid LIMIT $${n + 5}::int + $${n + 6}::int)`;

// The total is a scalar subquery over the filtered set (computed once per statement, same snapshot), not a
// window over it: a window count would make Postgres sort every filtered key to page twenty.
// json_strip_nulls drops the omitted parts and writes the document compactly, as JSON.stringify does.
const PAGE = `SELECT (SELECT count(*) FROM (${filtered(2)}) AS f)::int AS total, json_strip_nulls(CASE WHEN pg.pool = 0 THEN ${MSISDN_JSON} ELSE ${ESIM_JSON} END)::text AS body
  FROM (SELECT pool, key FROM (${pageKeys(2)}) AS r ORDER BY pool, key OFFSET $7::int LIMIT $8::int) AS pg
  LEFT JOIN inventory.msisdn_pool m ON pg.pool = 0 AND m.msisdn = pg.key
  LEFT JOIN inventory.esim_profile e ON pg.pool = 1 AND e.iccid = pg.key
  ORDER BY pg.pool, pg.key`;
const COUNT = `SELECT count(*)::int AS total FROM (${filtered(1)}) AS r`;

export interface Tmf639JsonReads {
  /** A page (MSISDNs, then eSIM profiles) as a JSON array, with the filtered total. */
  list(f: PoolFilter, page: { offset: number; limit: number }): Promise<{ body: string; returned: number; total: number }>;
}

/** The JSON reads over `database`; `hrefPrefix` is what an id is appended to (`…/resource/`). */
export function tmf639JsonReads(database: Database, hrefPrefix: string): Tmf639JsonReads {
  const page = jsonStatement(database.pool, 'inventory_tmf639_page_json', PAGE);
  const count = jsonStatement(database.pool, 'inventory_tmf639_count_json', COUNT);
  return {
    async list(f, p) {
      if (!f.msisdn && !f.esim) return { body: '[]', returned: 0, total: 0 };
      const filter = [f.msisdn, f.esim, f.name ?? null, f.msisdnStatuses ?? null, f.esimStates ?? null];
      const rows = await page([hrefPrefix, ...filter, p.offset, p.limit]);
      // A page past the end has no row to carry the window count; only then is a second statement needed.
      const total = rows[0] ? rows[0].total! : p.offset === 0 ? 0 : ((await count(filter))[0]?.total ?? 0);
      return { body: jsonArray(rows), returned: rows.length, total };
    },
  };
}
