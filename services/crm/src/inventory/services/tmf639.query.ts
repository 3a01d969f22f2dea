// Read side of the TMF639 view: one /resource collection over both pools (MSISDNs first, then eSIMs, each in
// natural-key order), so offset/limit page across the pair. Reads skip policies.
import type { inventory as contracts } from '@bss/contracts';
import type { Executor } from '@bss/db';
import { NotFound } from '@bss/policy';
import { hrefBuilder } from '@bss/server-kit';
import type { CrmDeps } from '../../deps.ts';
import { ESIM_ID_PREFIX, esimToTmf639, MSISDN_ID_PREFIX, msisdnToTmf639 } from '../domain/tmf639.mappers.ts';
import { findEsim, listEsims } from '../repositories/esim.repository.ts';
import { findMsisdn, listMsisdns } from '../repositories/msisdn.repository.ts';

export async function listTmf639Resources(
  deps: CrmDeps,
  query: contracts.Tmf639ResourceListQuery,
): Promise<{ items: contracts.Tmf639Resource[]; total: number }> {
  const ex: Executor = deps.database.db;
  const href = hrefBuilder(deps.config.publicBaseUrl);
  const wantMsisdn = query['@type'] !== 'PhysicalResource' && query.category !== 'esimProfile';
  const wantEsim = query['@type'] !== 'LogicalResource' && query.category !== 'msisdn';
  const items: contracts.Tmf639Resource[] = [];
  let msisdnTotal = 0;
  if (wantMsisdn) {
    const page = await listMsisdns(ex, { offset: query.offset, limit: query.limit });
    msisdnTotal = page.total;
    items.push(...page.rows.map((r) => msisdnToTmf639(r, href)));
  }
  let esimTotal = 0;
  if (wantEsim) {
    const remaining = query.limit - items.length;
    const page = await listEsims(ex, { offset: Math.max(0, query.offset - msisdnTotal), limit: Math.max(remaining, 1) });
    esimTotal = page.total;
    if (remaining > 0) items.push(...page.rows.map((r) => esimToTmf639(r, href)));
  }
  return { items, total: msisdnTotal + esimTotal };
}

/** One resource by its prefixed id (MSISDN-… or ESIM-…); anything else is 404. */
export async function getTmf639Resource(deps: CrmDeps, id: string): Promise<contracts.Tmf639Resource> {
  const href = hrefBuilder(deps.config.publicBaseUrl);
  if (id.startsWith(MSISDN_ID_PREFIX)) {
    const row = await findMsisdn(deps.database.db, id.slice(MSISDN_ID_PREFIX.length));
    if (row) return msisdnToTmf639(row, href);
  } else if (id.startsWith(ESIM_ID_PREFIX)) {
    const row = await findEsim(deps.database.db, id.slice(ESIM_ID_PREFIX.length));
    if (row) return esimToTmf639(row, href);
  }
  throw new NotFound('resource', id);
}
