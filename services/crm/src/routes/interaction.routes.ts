// HTTP for TMF683 v4 party interactions at the specification's base path, and the same operations at the old
// /tmf-api/customerInteractionManagement/v1/interaction path (an alias: same shapes, hrefs follow the path used).
// Create, list (filters, paging, `fields`), get; PATCH and DELETE are answered by the append-only policy (422).
import { crm, FieldsQuery, projectFields } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import type { CrmDeps } from '../deps.ts';
import { INTERACTION_PATH, PARTY_INTERACTION_PATH } from '../domain/interaction.mapper.ts';
import { interactionService } from '../services/interaction.service.ts';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope, 422: ErrorEnvelope };
const Params = z.object({ interactionId: z.string().min(1).max(64) });

export function registerInteractionRoutes(app: App, deps: CrmDeps): void {
  const interactions = interactionService(deps);
  for (const base of [PARTY_INTERACTION_PATH, INTERACTION_PATH]) {
    const tags = ['Interaction'];
    const deprecated = base === INTERACTION_PATH ? { deprecated: true } : {};
    app.post(base, { schema: { tags, ...deprecated, body: crm.PartyInteractionCreate, response: { 201: crm.PartyInteraction, ...errors } } }, async (req, reply) => {
      const created = await interactions.create(req.body, base);
      return reply.code(201).header('location', created.href).send(created);
    });
    app.get(base, { schema: { tags, ...deprecated, querystring: crm.PartyInteractionListQuery, response: { 200: z.array(crm.PartyInteractionFields), ...errors } } }, async (req, reply) => {
      const { fields, ...q } = req.query;
      const { items, total } = await interactions.list(q, base);
      setListHeaders(reply, total, items.length);
      return items.map((i) => projectFields(i, fields) as crm.PartyInteractionFields);
    });
    app.get(
      `${base}/:interactionId`,
      { schema: { tags, ...deprecated, params: Params, querystring: FieldsQuery, response: { 200: crm.PartyInteractionFields, ...errors } } },
      async (req) => projectFields(await interactions.get(req.params.interactionId, base), req.query.fields) as crm.PartyInteractionFields,
    );
    app.patch(`${base}/:interactionId`, { schema: { tags, ...deprecated, params: Params, body: crm.PartyInteractionPatch, response: { 200: crm.PartyInteraction, ...errors } } }, async (req) =>
      interactions.patch(req.params.interactionId),
    );
    app.delete(`${base}/:interactionId`, { schema: { tags, ...deprecated, params: Params, response: { 204: z.null(), ...errors } } }, async (req) =>
      interactions.remove(req.params.interactionId),
    );
  }
}
