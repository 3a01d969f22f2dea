// TMF620 productSpecification reads and the non-TMF VAS offering routes: HTTP only.
import { catalog, FieldsQuery, PageQuery, projectFields } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import { TMF620_BASE } from '../domain/hrefs.ts';
import type { ReferenceReads } from '../services/reference-read.service.ts';

const IdParam = z.string().min(1).max(128);
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 404: ErrorEnvelope };

export function registerReferenceRoutes(app: App, reads: ReferenceReads): void {
  app.get(
    `${TMF620_BASE}/productSpecification`,
    {
      schema: {
        tags: ['TMF620 ProductSpecification'],
        querystring: catalog.ProductSpecificationListQuery,
        response: { 200: z.array(catalog.ProductSpecificationFields), ...errors },
      },
    },
    async (req, reply) => {
      const { offset, limit, fields, lifecycleStatus, name, brand } = req.query;
      const { items, total } = await reads.listSpecifications({ lifecycleStatus, name, brand }, { offset, limit });
      setListHeaders(reply, total, items.length);
      return items.map((s) => projectFields(s, fields) as catalog.ProductSpecificationFields);
    },
  );

  app.get(
    `${TMF620_BASE}/productSpecification/:specId`,
    {
      schema: {
        tags: ['TMF620 ProductSpecification'],
        params: z.object({ specId: IdParam }),
        querystring: FieldsQuery,
        response: { 200: catalog.ProductSpecificationFields, ...errors },
      },
    },
    async (req) => projectFields(await reads.getSpecification(req.params.specId), req.query.fields) as catalog.ProductSpecificationFields,
  );

  app.get(
    '/vas/offering',
    { schema: { tags: ['VAS'], summary: 'VAS top-up offerings, ordered by id', querystring: PageQuery, response: { 200: z.array(catalog.VasOffering), ...errors } } },
    async (req, reply) => {
      const { items, total } = await reads.listVas(req.query);
      setListHeaders(reply, total, items.length);
      return items;
    },
  );

  app.get(
    '/vas/offering/:vasId',
    { schema: { tags: ['VAS'], params: z.object({ vasId: IdParam }), response: { 200: catalog.VasOffering, ...errors } } },
    async (req) => reads.getVas(req.params.vasId),
  );
}
