// The TMF639 collection as one query over both pools: MSISDNs first, then eSIM profiles, each in natural-key
// order, filtered in SQL, with the filtered total from the same statement (count(*) OVER ()), so offset/limit
// page across the pair and X-Total-Count describes exactly what the filters select.
import type { Executor } from '@bss/db';
import { asc, inArray, sql, type SQL } from 'drizzle-orm';
import { esimProfile, msisdnPool, type EsimRow, type MsisdnRow } from '../schema.ts';

/** Filters already translated to pool terms; `undefined` = no condition, an empty list = nothing matches. */
export interface PoolFilter {
  msisdn: boolean;
  esim: boolean;
  name?: string;
  msisdnStatuses?: readonly string[];
  esimStates?: readonly string[];
}

const inList = (column: SQL, values: readonly string[] | undefined) =>
  values === undefined ? sql`true` : values.length === 0 ? sql`false` : sql`${column} IN (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;

export async function listPoolPage(
  ex: Executor,
  f: PoolFilter,
  page: { offset: number; limit: number },
): Promise<{ msisdns: MsisdnRow[]; esims: EsimRow[]; total: number }> {
  const name = (column: SQL) => (f.name === undefined ? sql`true` : sql`${column} = ${f.name}`);
  const parts: SQL[] = [];
  if (f.msisdn) parts.push(sql`SELECT 0 AS pool, msisdn AS key FROM inventory.msisdn_pool WHERE ${name(sql`msisdn`)} AND ${inList(sql`status`, f.msisdnStatuses)}`);
  if (f.esim) parts.push(sql`SELECT 1 AS pool, iccid AS key FROM inventory.esim_profile WHERE ${name(sql`iccid`)} AND ${inList(sql`profile_state`, f.esimStates)}`);
  if (parts.length === 0) return { msisdns: [], esims: [], total: 0 };
  const res = await ex.execute<{ pool: number; key: string; total: string }>(sql`
    SELECT pool, key, count(*) OVER () AS total FROM (${sql.join(parts, sql` UNION ALL `)}) AS r
    ORDER BY pool, key OFFSET ${page.offset} LIMIT ${page.limit}`);
  const keys = (pool: number) => res.rows.filter((r) => Number(r.pool) === pool).map((r) => r.key);
  const [mKeys, eKeys] = [keys(0), keys(1)];
  const msisdns = mKeys.length ? await ex.select().from(msisdnPool).where(inArray(msisdnPool.msisdn, mKeys)).orderBy(asc(msisdnPool.msisdn)) : [];
  const esims = eKeys.length ? await ex.select().from(esimProfile).where(inArray(esimProfile.iccid, eKeys)).orderBy(asc(esimProfile.iccid)) : [];
  // a page past the end has no row to carry the window count; only then is a second count needed
  const total = res.rows[0] ? Number(res.rows[0].total) : page.offset === 0 ? 0 : await countPool(ex, parts);
  return { msisdns, esims, total };
}

async function countPool(ex: Executor, parts: SQL[]): Promise<number> {
  const res = await ex.execute<{ n: string }>(sql`SELECT count(*) AS n FROM (${sql.join(parts, sql` UNION ALL `)}) AS r`);
  return Number(res.rows[0]?.n ?? 0);
}
