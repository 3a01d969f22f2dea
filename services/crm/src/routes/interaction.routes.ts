// HTTP for TMF683-style interactions: explicit create, list by customer (newest first, paged), get.
import { crm } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import type { CrmDeps } from '../deps.ts';
import { INTERACTION_PATH } from '../domain/interaction.mapper.ts';
import { interactionService } from '../services/interaction.service.ts';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 404: ErrorEnvelope, 422: ErrorEnvelope };

export function registerInteractionRoutes(app: App, deps: CrmDeps): void {
  const interactions = interactionService(deps);
  const tags = ['Interaction'];
  app.post(INTERACTION_PATH, { schema: { tags, body: crm.InteractionCreate, response: { 201: crm.Interaction, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await interactions.create(req.body)),
  );
  app.get(INTERACTION_PATH, { schema: { tags, querystring: crm.InteractionListQuery, response: { 200: z.array(crm.Interaction), ...errors } } }, async (req, reply) => {
    const { items, total } = await interactions.list(req.query);
    setListHeaders(reply, total, items.length);
    return items;
  });
  app.get(
    `${INTERACTION_PATH}/:interactionId`,
    { schema: { tags, params: z.object({ interactionId: z.string().min(1).max(64) }), response: { 200: crm.Interaction, ...errors } } },
    async (req) => interactions.get(req.params.interactionId),
  );
}
