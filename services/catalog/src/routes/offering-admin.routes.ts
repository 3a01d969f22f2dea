// Operator writes under /admin/catalog: HTTP only. Creations answer 201. Every route needs `catalog:admin`, a
// scope the customer-facing portal identity does not hold; X-BSS-Actor is attribution only.
import { catalog } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import type { App } from '@bss/server-kit';
import { z } from 'zod';
import type { OfferingAdmin } from '../services/offering-admin.service.ts';

const Params = z.object({ offeringId: z.string().min(1).max(128) });
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope, 422: ErrorEnvelope };
const tags = ['Catalog admin'];

const config = { scope: 'catalog:admin' };

export function registerOfferingAdminRoutes(app: App, admin: OfferingAdmin): void {
  app.post(
    '/admin/catalog/offering',
    {
      config,
      schema: {
        tags,
        summary: 'Add an offering with a monthly recurring price and its allowances',
        body: catalog.AddOfferingRequest,
        response: { 201: catalog.ProductOffering, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await admin.addOffering(req.body)),
  );

  app.patch(
    '/admin/catalog/offering/:offeringId/window',
    {
      config,
      schema: {
        tags,
        summary: 'Move the sale window (omitted bound unchanged, null opens it); an end at or before now retires',
        params: Params,
        body: catalog.OfferingWindowRequest,
        response: { 200: catalog.ProductOffering, ...errors },
      },
    },
    async (req) => admin.setWindow(req.params.offeringId, req.body),
  );

  app.post(
    '/admin/catalog/offering/:offeringId/retire',
    {
      config,
      schema: { tags, summary: 'Retire: unsellable, lifecycle retired, window closed at now', params: Params, response: { 200: catalog.ProductOffering, ...errors } },
    },
    async (req) => admin.retire(req.params.offeringId),
  );

  app.post(
    '/admin/catalog/offering/:offeringId/price',
    {
      config,
      schema: {
        tags,
        summary: 'Add a monthly recurring price; retireCurrent closes the open-ended ones first',
        params: Params,
        body: catalog.AddPriceRequest,
        response: { 201: catalog.ProductOfferingPrice, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await admin.addPrice(req.params.offeringId, req.body)),
  );
}
