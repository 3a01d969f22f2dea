// The TMF639 collection as one statement over both pools: MSISDNs first, then eSIM profiles, each in
// natural-key order, filtered in SQL, with the filtered total from the same statement (count(*) OVER ()), so
// offset/limit page across the pair and X-Total-Count describes exactly what the filters select. The page's
// rows come back in that same round trip (to_json of the joined pool row), and the statement is a named
// prepared one: every filter is a parameter (null = no condition), so one text serves every combination.
import { preparedOn, rowFromJson, type Executor } from '@bss/db';
import { sql } from 'drizzle-orm';
import { esimProfile, msisdnPool, type EsimRow, type MsisdnRow } from '../schema.ts';

/** Filters already translated to pool terms; `undefined` = no condition, an empty list = nothing matches. */
export interface PoolFilter {
  msisdn: boolean;
  esim: boolean;
  name?: string;
  msisdnStatuses?: readonly string[];
  esimStates?: readonly string[];
}

const p = (name: string, type: string) => sql`${sql.placeholder(name)}::${sql.raw(type)}`;
const inList = (column: string, name: string) => sql`(${p(name, 'text[]')} IS NULL OR ${sql.raw(column)} = ANY(${p(name, 'text[]')}))`;
const named = (column: string) => sql`(${p('name', 'text')} IS NULL OR ${sql.raw(column)} = ${p('name', 'text')})`;
const filtered = sql`
  SELECT 0 AS pool, msisdn AS key FROM inventory.msisdn_pool WHERE ${p('msisdn', 'bool')} AND ${named('msisdn')} AND ${inList('status', 'msisdnStatuses')}
  UNION ALL
  SELECT 1 AS pool, iccid AS key FROM inventory.esim_profile WHERE ${p('esim', 'bool')} AND ${named('iccid')} AND ${inList('profile_state', 'esimStates')}`;

const poolPage = preparedOn((ex) =>
  ex
    .select({ pool: sql<number>`pg.pool`, total: sql<number>`pg.total`.mapWith(Number), msisdn: sql<Record<string, unknown> | null>`to_json(m)`, esim: sql<Record<string, unknown> | null>`to_json(e)` })
    .from(
      sql`(SELECT pool, key, count(*) OVER () AS total FROM (${filtered}) AS r ORDER BY pool, key OFFSET ${p('offset', 'int')} LIMIT ${p('limit', 'int')}) AS pg
        LEFT JOIN inventory.msisdn_pool m ON pg.pool = 0 AND m.msisdn = pg.key
        LEFT JOIN inventory.esim_profile e ON pg.pool = 1 AND e.iccid = pg.key`,
    )
    .orderBy(sql`pg.pool, pg.key`)
    .prepare('inventory_tmf639_page'),
);
const poolCount = preparedOn((ex) => ex.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(sql`(${filtered}) AS r`).prepare('inventory_tmf639_count'));

export async function listPoolPage(
  ex: Executor,
  f: PoolFilter,
  page: { offset: number; limit: number },
): Promise<{ msisdns: MsisdnRow[]; esims: EsimRow[]; total: number }> {
  if (!f.msisdn && !f.esim) return { msisdns: [], esims: [], total: 0 };
  const filter = { msisdn: f.msisdn, esim: f.esim, name: f.name ?? null, msisdnStatuses: f.msisdnStatuses ?? null, esimStates: f.esimStates ?? null };
  const rows = await poolPage(ex).execute({ ...filter, offset: page.offset, limit: page.limit });
  const msisdns = rows.flatMap((r) => (r.msisdn ? [rowFromJson(msisdnPool, r.msisdn)] : []));
  const esims = rows.flatMap((r) => (r.esim ? [rowFromJson(esimProfile, r.esim)] : []));
  // a page past the end has no row to carry the window count; only then is a second statement needed
  const total = rows[0] ? rows[0].total : page.offset === 0 ? 0 : ((await poolCount(ex).execute(filter))[0]?.n ?? 0);
  return { msisdns, esims, total };
}
