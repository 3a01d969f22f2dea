// TMF620 productOffering and productOfferingPrice reads: HTTP only (schemas, paging headers, projection).
import { catalog, FieldsQuery, projectFields } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import { TMF620_BASE } from '../domain/hrefs.ts';
import type { OfferingReads } from '../services/offering-read.service.ts';

const IdParam = z.string().min(1).max(128);
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 404: ErrorEnvelope, 422: ErrorEnvelope };

export function registerProductOfferingRoutes(app: App, reads: OfferingReads): void {
  app.get(
    `${TMF620_BASE}/productOffering`,
    {
      schema: {
        tags: ['TMF620 ProductOffering'],
        summary: 'List offerings (attribute filters narrow the counted set); with activeAt only those sellable then, cheapest active price first',
        querystring: catalog.ProductOfferingListQuery,
        response: { 200: z.array(catalog.ProductOfferingFields), ...errors },
      },
    },
    async (req, reply) => {
      const { offset, limit, fields, lifecycleStatus, name, isSellable, activeAt } = req.query;
      const filter = {
        lifecycleStatus,
        name,
        isSellable: isSellable === undefined ? undefined : isSellable === 'true',
        activeAt: activeAt ? new Date(activeAt) : undefined,
      };
      const { items, total } = await reads.list(filter, { offset, limit });
      setListHeaders(reply, total, items.length);
      return items.map((o) => projectFields(o, fields) as catalog.ProductOfferingFields);
    },
  );

  app.get(
    `${TMF620_BASE}/productOffering/:offeringId`,
    {
      schema: {
        tags: ['TMF620 ProductOffering'],
        params: z.object({ offeringId: IdParam }),
        querystring: FieldsQuery,
        response: { 200: catalog.ProductOfferingFields, ...errors },
      },
    },
    async (req) => projectFields(await reads.get(req.params.offeringId), req.query.fields) as catalog.ProductOfferingFields,
  );

  app.get(
    `${TMF620_BASE}/productOfferingPrice`,
    {
      schema: {
        tags: ['TMF620 ProductOfferingPrice'],
        summary: 'List every price row by id, listed by an offering or not, whatever its window',
        querystring: catalog.ProductOfferingPriceListQuery,
        response: { 200: z.array(catalog.ProductOfferingPriceFields), ...errors },
      },
    },
    async (req, reply) => {
      const { offset, limit, fields, lifecycleStatus, name, priceType } = req.query;
      const { items, total } = await reads.listPrices({ lifecycleStatus, name, priceType }, { offset, limit });
      setListHeaders(reply, total, items.length);
      return items.map((p) => projectFields(p, fields) as catalog.ProductOfferingPriceFields);
    },
  );

  // Registered before /:priceId so `active` is never taken for a price id.
  app.get(
    `${TMF620_BASE}/productOfferingPrice/active/:offeringId`,
    {
      schema: {
        tags: ['TMF620 ProductOfferingPrice'],
        summary: 'The recurring price in force for an offering at activeAt (lowest active amount, ties → lowest id)',
        params: z.object({ offeringId: IdParam }),
        querystring: catalog.ActivePriceQuery,
        response: { 200: catalog.ProductOfferingPrice, ...errors },
      },
    },
    async (req) => reads.getActivePrice(req.params.offeringId, req.query.activeAt ? new Date(req.query.activeAt) : undefined),
  );

  app.get(
    `${TMF620_BASE}/productOfferingPrice/:priceId`,
    {
      schema: {
        tags: ['TMF620 ProductOfferingPrice'],
        summary: 'A price row by id, whatever its window',
        params: z.object({ priceId: IdParam }),
        querystring: FieldsQuery,
        response: { 200: catalog.ProductOfferingPriceFields, ...errors },
      },
    },
    async (req) => projectFields(await reads.getPrice(req.params.priceId), req.query.fields) as catalog.ProductOfferingPriceFields,
  );
}
