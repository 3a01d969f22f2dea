// TMF639 Resource Inventory over the MSISDN and eSIM pools: list/get (with `fields` and attribute filters),
// create, merge-patch and delete. Writes go through the pools' own use-cases and policies.
import { inventory as c, FieldsQuery, projectFields } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { sendRawJson, setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import type { CrmDeps } from '../../deps.ts';
import { TMF639_RESOURCE_PATH } from '../domain/tmf639.mappers.ts';
import { createTmf639Resource, deleteTmf639Resource, patchTmf639Resource } from '../services/tmf639.commands.ts';
import { getTmf639Resource, listTmf639Resources, tmf639JsonList } from '../services/tmf639.query.ts';

const tags = ['TMF639 Resource'];
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };
const writeErrors = { ...errors, 409: ErrorEnvelope, 422: ErrorEnvelope };
const ID = '`MSISDN-<msisdn>` or `ESIM-<iccid>`';

export function registerTmf639Routes(app: App, deps: CrmDeps): void {
  const jsonList = tmf639JsonList(deps);
  app.get(
    TMF639_RESOURCE_PATH,
    {
      schema: {
        tags,
        summary: 'List resources (MSISDNs, then eSIM profiles); filters and X-Total-Count apply to the filtered set',
        querystring: c.Tmf639ResourceListQuery,
        response: { 200: c.Tmf639ResourceFields.array(), ...errors },
      },
    },
    async (req, reply) => {
      // Without `fields` the body is the JSON Postgres built (tmf639-json.repository.ts), sent as it is.
      if (req.query.fields === undefined) {
        const page = await jsonList(req.query);
        setListHeaders(reply, page.total, page.returned);
        return sendRawJson(reply, page.body);
      }
      const { items, total } = await listTmf639Resources(deps, req.query);
      setListHeaders(reply, total, items.length);
      return items.map((r) => projectFields(r, req.query.fields) as c.Tmf639ResourceFields);
    },
  );

  app.post(
    TMF639_RESOURCE_PATH,
    {
      schema: {
        tags,
        summary: 'Create an MSISDN (category msisdn, the default) or an eSIM profile (category esimProfile)',
        description: 'Answers 201 with `Location`. Pool shape rules: msisdn.create.sane_number, esim.create.sane_profile; an existing one is 409.',
        body: c.Tmf639ResourceCreate,
        response: { 201: c.Tmf639Resource, ...writeErrors },
      },
    },
    async (req, reply) => {
      const created = await createTmf639Resource(deps, req.body);
      return reply.code(201).header('location', created.href).send(created);
    },
  );

  app.get(
    `${TMF639_RESOURCE_PATH}/:id`,
    {
      schema: { tags, summary: `One resource by id (${ID})`, params: c.Tmf639ResourceParams, querystring: FieldsQuery, response: { 200: c.Tmf639ResourceFields, ...errors } },
    },
    async (req) => projectFields(await getTmf639Resource(deps, req.params.id), req.query.fields) as c.Tmf639ResourceFields,
  );

  app.patch(
    `${TMF639_RESOURCE_PATH}/:id`,
    {
      schema: {
        tags,
        summary: 'Merge-patch a resource: resourceStatus reserved / available through the pool state machine',
        params: c.Tmf639ResourceParams,
        body: c.Tmf639ResourcePatch,
        response: { 200: c.Tmf639Resource, ...writeErrors },
      },
    },
    async (req) => patchTmf639Resource(deps, req.params.id, req.body),
  );

  app.delete(
    `${TMF639_RESOURCE_PATH}/:id`,
    {
      schema: {
        tags,
        summary: 'Delete an available, never-assigned resource (else 422 resource.delete.in_use / resource.delete.ever_assigned)',
        params: c.Tmf639ResourceParams,
        response: { 204: z.null().describe('Deleted'), ...writeErrors },
      },
    },
    async (req, reply) => {
      await deleteTmf639Resource(deps, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
