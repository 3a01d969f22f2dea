// TMF639 Resource Inventory (read-only) over the MSISDN and eSIM pools.
import { inventory as c } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import type { CrmDeps } from '../../deps.ts';
import { TMF639_RESOURCE_PATH } from '../domain/tmf639.mappers.ts';
import { getTmf639Resource, listTmf639Resources } from '../services/tmf639.query.ts';

const tags = ['TMF639 Resource'];
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 404: ErrorEnvelope };

export function registerTmf639Routes(app: App, deps: CrmDeps): void {
  app.get(
    TMF639_RESOURCE_PATH,
    { schema: { tags, summary: 'List resources (MSISDNs, then eSIM profiles)', querystring: c.Tmf639ResourceListQuery, response: { 200: c.Tmf639Resource.array(), ...errors } } },
    async (req, reply) => {
      const { items, total } = await listTmf639Resources(deps, req.query);
      setListHeaders(reply, total, items.length);
      return items;
    },
  );

  app.get(
    `${TMF639_RESOURCE_PATH}/:id`,
    { schema: { tags, summary: 'One resource by id (MSISDN-<msisdn> or ESIM-<iccid>)', params: c.Tmf639ResourceParams, response: { 200: c.Tmf639Resource, ...errors } } },
    async (req) => getTmf639Resource(deps, req.params.id),
  );
}
