// Operator writes under /admin/catalog: HTTP only. Creations answer 201; the actor gate reads the raw header.
import { catalog } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import type { App } from '@bss/server-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Caller, OfferingAdmin } from '../services/offering-admin.service.ts';

const Params = z.object({ offeringId: z.string().min(1).max(128) });
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope, 422: ErrorEnvelope };
const tags = ['Catalog admin'];

const caller = (req: FastifyRequest): Caller => ({ actorHeader: req.headers['x-bss-actor'], contextActor: req.ctx.actor });

export function registerOfferingAdminRoutes(app: App, admin: OfferingAdmin): void {
  app.post(
    '/admin/catalog/offering',
    {
      schema: {
        tags,
        summary: 'Add an offering with a monthly recurring price and its allowances (X-BSS-Actor required)',
        body: catalog.AddOfferingRequest,
        response: { 201: catalog.ProductOffering, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await admin.addOffering(caller(req), req.body)),
  );

  app.patch(
    '/admin/catalog/offering/:offeringId/window',
    {
      schema: {
        tags,
        summary: 'Move the sale window (omitted bound unchanged, null opens it); an end at or before now retires',
        params: Params,
        body: catalog.OfferingWindowRequest,
        response: { 200: catalog.ProductOffering, ...errors },
      },
    },
    async (req) => admin.setWindow(caller(req), req.params.offeringId, req.body),
  );

  app.post(
    '/admin/catalog/offering/:offeringId/retire',
    {
      schema: { tags, summary: 'Retire: unsellable, lifecycle retired, window closed at now', params: Params, response: { 200: catalog.ProductOffering, ...errors } },
    },
    async (req) => admin.retire(caller(req), req.params.offeringId),
  );

  app.post(
    '/admin/catalog/offering/:offeringId/price',
    {
      schema: {
        tags,
        summary: 'Add a monthly recurring price; retireCurrent closes the open-ended ones first',
        params: Params,
        body: catalog.AddPriceRequest,
        response: { 201: catalog.ProductOfferingPrice, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await admin.addPrice(caller(req), req.params.offeringId, req.body)),
  );
}
