// Read side of the TMF639 view: one /resource collection over both pools (MSISDNs first, then eSIMs, each in
// natural-key order). Attribute filters are translated to pool terms and applied in SQL, so the totals
// describe the filtered set. Reads skip policies.
import type { inventory as contracts } from '@bss/contracts';
import { NotFound } from '@bss/policy';
import { hrefBuilder } from '@bss/server-kit';
import type { CrmDeps } from '../../deps.ts';
import { ESIM_ID_PREFIX, ESIM_STATE, esimToTmf639, MSISDN_ID_PREFIX, MSISDN_STATUS, msisdnToTmf639, poolStatesMatching, TMF639_RESOURCE_PATH } from '../domain/tmf639.mappers.ts';
import { findEsim } from '../repositories/esim.repository.ts';
import { findMsisdn } from '../repositories/msisdn.repository.ts';
import { tmf639JsonReads } from '../repositories/tmf639-json.repository.ts';
import { listPoolPage, type PoolFilter } from '../repositories/tmf639.repository.ts';

export async function listTmf639Resources(
  deps: CrmDeps,
  query: contracts.Tmf639ResourceListQuery,
): Promise<{ items: contracts.Tmf639Resource[]; total: number }> {
  const href = hrefBuilder(deps.config.publicBaseUrl);
  const page = await listPoolPage(deps.database.db, poolFilterOf(query), { offset: query.offset, limit: query.limit });
  const items = [...page.msisdns.map((r) => msisdnToTmf639(r, href)), ...page.esims.map((r) => esimToTmf639(r, href))];
  return { items, total: page.total };
}

/** listTmf639Resources as the response body (a JSON array built by Postgres, equal to its serialised items). */
export function tmf639JsonList(deps: CrmDeps): (query: contracts.Tmf639ResourceListQuery) => Promise<{ body: string; returned: number; total: number }> {
  const reads = tmf639JsonReads(deps.database, `${deps.config.publicBaseUrl}${TMF639_RESOURCE_PATH}/`);
  return (query) => reads.list(poolFilterOf(query), { offset: query.offset, limit: query.limit });
}

/** The list query in pool terms. */
function poolFilterOf(query: contracts.Tmf639ResourceListQuery): PoolFilter {
  const want = { resourceStatus: query.resourceStatus, usageState: query.usageState };
  return {
    msisdn: query['@type'] !== 'PhysicalResource' && query.category !== 'esimProfile',
    esim: query['@type'] !== 'LogicalResource' && query.category !== 'msisdn',
    name: query.name,
    msisdnStatuses: poolStatesMatching(MSISDN_STATUS, want),
    esimStates: poolStatesMatching(ESIM_STATE, want),
  };
}

/** The pool and natural key a prefixed id names (MSISDN-… or ESIM-…), or undefined. */
export function parseResourceId(id: string): { pool: 'msisdn' | 'esim'; key: string } | undefined {
  if (id.startsWith(MSISDN_ID_PREFIX)) return { pool: 'msisdn', key: id.slice(MSISDN_ID_PREFIX.length) };
  if (id.startsWith(ESIM_ID_PREFIX)) return { pool: 'esim', key: id.slice(ESIM_ID_PREFIX.length) };
  return undefined;
}

/** One resource by its prefixed id; anything else is 404. */
export async function getTmf639Resource(deps: CrmDeps, id: string): Promise<contracts.Tmf639Resource> {
  const href = hrefBuilder(deps.config.publicBaseUrl);
  const ref = parseResourceId(id);
  if (ref?.pool === 'msisdn') {
    const row = await findMsisdn(deps.database.db, ref.key);
    if (row) return msisdnToTmf639(row, href);
  } else if (ref?.pool === 'esim') {
    const row = await findEsim(deps.database.db, ref.key);
    if (row) return esimToTmf639(row, href);
  }
  throw new NotFound('resource', id);
}
