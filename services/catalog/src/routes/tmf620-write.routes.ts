// TMF620 write front door: POST / PATCH (merge-patch) / DELETE on productOffering, productOfferingPrice and
// productSpecification. HTTP only: the use-cases are the same services (policies, events) the /admin/catalog
// routes call, and the same `catalog:admin` scope guards both doors.
import { catalog } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import type { App } from '@bss/server-kit';
import { z } from 'zod';
import { TMF620_BASE, type CatalogHrefs } from '../domain/hrefs.ts';
import type { OfferingAdmin } from '../services/offering-admin.service.ts';
import type { PriceAdmin } from '../services/price-admin.service.ts';
import type { SpecificationAdmin } from '../services/specification-admin.service.ts';

const IdParam = z.string().min(1).max(128);
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope, 422: ErrorEnvelope };
const config = { scope: 'catalog:admin' };

export interface TmfWriters {
  offerings: OfferingAdmin;
  prices: PriceAdmin;
  specifications: SpecificationAdmin;
}

export function registerTmf620WriteRoutes(app: App, writers: TmfWriters, hrefs: CatalogHrefs): void {
  const { offerings, prices, specifications } = writers;

  // productOffering
  const offeringTags = ['TMF620 ProductOffering'];
  const OfferingParams = z.object({ offeringId: IdParam });
  app.post(
    `${TMF620_BASE}/productOffering`,
    { config, schema: { tags: offeringTags, summary: 'Create an offering (a draft unless isSellable)', body: catalog.ProductOfferingCreate, response: { 201: catalog.ProductOffering, ...errors } } },
    async (req, reply) => {
      const created = await offerings.createOffering(req.body);
      return reply.code(201).header('Location', hrefs.offering(created.id)).send(created);
    },
  );
  app.patch(
    `${TMF620_BASE}/productOffering/:offeringId`,
    {
      config,
      schema: {
        tags: offeringTags,
        summary: 'Merge-patch an offering; lifecycleStatus retired (or an ended validFor) retires it, one-way',
        params: OfferingParams,
        body: catalog.ProductOfferingPatch,
        response: { 200: catalog.ProductOffering, ...errors },
      },
    },
    async (req) => offerings.patchOffering(req.params.offeringId, req.body),
  );
  app.delete(
    `${TMF620_BASE}/productOffering/:offeringId`,
    { config, schema: { tags: offeringTags, summary: 'Delete an offering that was never sellable (otherwise 422: retire it)', params: OfferingParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await offerings.deleteOffering(req.params.offeringId);
      return reply.code(204).send(null);
    },
  );

  // productOfferingPrice
  const priceTags = ['TMF620 ProductOfferingPrice'];
  const PriceParams = z.object({ priceId: IdParam });
  app.post(
    `${TMF620_BASE}/productOfferingPrice`,
    { config, schema: { tags: priceTags, summary: 'Create a price, listed by no offering until one lists it', body: catalog.ProductOfferingPriceCreate, response: { 201: catalog.ProductOfferingPrice, ...errors } } },
    async (req, reply) => {
      const created = await prices.createPrice(req.body);
      return reply.code(201).header('Location', hrefs.price(created.id)).send(created);
    },
  );
  app.patch(
    `${TMF620_BASE}/productOfferingPrice/:priceId`,
    {
      config,
      schema: {
        tags: priceTags,
        summary: 'Merge-patch a price: name, description, validFor, retirement; the charged terms never change',
        params: PriceParams,
        body: catalog.ProductOfferingPricePatch,
        response: { 200: catalog.ProductOfferingPrice, ...errors },
      },
    },
    async (req) => prices.patchPrice(req.params.priceId, req.body),
  );
  app.delete(
    `${TMF620_BASE}/productOfferingPrice/:priceId`,
    { config, schema: { tags: priceTags, summary: 'Delete a price no sellable-ever offering lists (otherwise 422: retire it)', params: PriceParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await prices.deletePrice(req.params.priceId);
      return reply.code(204).send(null);
    },
  );

  // productSpecification
  const specTags = ['TMF620 ProductSpecification'];
  const SpecParams = z.object({ specId: IdParam });
  app.post(
    `${TMF620_BASE}/productSpecification`,
    { config, schema: { tags: specTags, summary: 'Create a product specification', body: catalog.ProductSpecificationCreate, response: { 201: catalog.ProductSpecification, ...errors } } },
    async (req, reply) => {
      const created = await specifications.createSpecification(req.body);
      return reply.code(201).header('Location', hrefs.specification(created.id)).send(created);
    },
  );
  app.patch(
    `${TMF620_BASE}/productSpecification/:specId`,
    {
      config,
      schema: { tags: specTags, summary: 'Merge-patch a product specification', params: SpecParams, body: catalog.ProductSpecificationPatch, response: { 200: catalog.ProductSpecification, ...errors } },
    },
    async (req) => specifications.patchSpecification(req.params.specId, req.body),
  );
  app.delete(
    `${TMF620_BASE}/productSpecification/:specId`,
    { config, schema: { tags: specTags, summary: 'Delete a specification no offering uses (otherwise 422)', params: SpecParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await specifications.deleteSpecification(req.params.specId);
      return reply.code(204).send(null);
    },
  );
}
