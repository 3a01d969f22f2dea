// Typed client of the catalog service: TMF620 offerings/prices/specifications, VAS offerings and the operator
// writes. Responses are parsed with the @bss/contracts catalog schemas; errors arrive as typed errors.
import { catalog } from '@bss/contracts';
import { type z } from 'zod';
import { createHttpClient, type ClientOptions, type Page, type RequestSpec } from './http-client.ts';

const TMF620 = '/tmf-api/productCatalogManagement/v4';
const seg = encodeURIComponent;

/** Filters and paging of the offering list (no `fields`: the client always reads whole offerings). */
export interface OfferingListOptions {
  lifecycleStatus?: 'active' | 'retired';
  /** ISO-8601 instant: only offerings sellable then, cheapest active price first. */
  activeAt?: string;
  offset?: number;
  limit?: number;
}

/** Paging of the other lists. */
export interface PageOptions {
  offset?: number;
  limit?: number;
}

/** A client bound to the catalog service. Admin writes need `actor` set (the catalog refuses `anonymous`). */
export function createCatalogClient(opts: ClientOptions) {
  const http = createHttpClient('catalog', opts);
  const page = <T extends z.ZodType>(item: T, spec: RequestSpec) => http.requestPage(item, spec);
  return {
    /** GET productOffering (X-Total-Count as `total`). */
    listOfferings(q: OfferingListOptions = {}): Promise<Page<catalog.ProductOffering>> {
      return page(catalog.ProductOffering, { method: 'GET', path: `${TMF620}/productOffering`, query: { ...q } });
    },
    /** GET productOffering/{id} */
    getOffering(offeringId: string): Promise<catalog.ProductOffering> {
      return http.request(catalog.ProductOffering, { method: 'GET', path: `${TMF620}/productOffering/${seg(offeringId)}` });
    },
    /** GET productOfferingPrice/{id} (any window). */
    getPrice(priceId: string): Promise<catalog.ProductOfferingPrice> {
      return http.request(catalog.ProductOfferingPrice, { method: 'GET', path: `${TMF620}/productOfferingPrice/${seg(priceId)}` });
    },
    /** The price in force at `activeAt` (default: the catalog's now); PolicyViolationError `catalog.price.no_active_row` when none. */
    getActivePrice(offeringId: string, activeAt?: string): Promise<catalog.ProductOfferingPrice> {
      return http.request(catalog.ProductOfferingPrice, {
        method: 'GET',
        path: `${TMF620}/productOfferingPrice/active/${seg(offeringId)}`,
        query: { activeAt },
      });
    },
    /** GET productSpecification */
    listSpecifications(q: PageOptions = {}): Promise<Page<catalog.ProductSpecification>> {
      return page(catalog.ProductSpecification, { method: 'GET', path: `${TMF620}/productSpecification`, query: { ...q } });
    },
    /** GET productSpecification/{id} */
    getSpecification(specId: string): Promise<catalog.ProductSpecification> {
      return http.request(catalog.ProductSpecification, { method: 'GET', path: `${TMF620}/productSpecification/${seg(specId)}` });
    },
    /** GET /vas/offering (ordered by id). */
    listVas(q: PageOptions = {}): Promise<Page<catalog.VasOffering>> {
      return page(catalog.VasOffering, { method: 'GET', path: '/vas/offering', query: { ...q } });
    },
    /** GET /vas/offering/{id} */
    getVas(vasId: string): Promise<catalog.VasOffering> {
      return http.request(catalog.VasOffering, { method: 'GET', path: `/vas/offering/${seg(vasId)}` });
    },
    /** POST /admin/catalog/offering */
    addOffering(body: catalog.AddOfferingRequest): Promise<catalog.ProductOffering> {
      return http.request(catalog.ProductOffering, { method: 'POST', path: '/admin/catalog/offering', body });
    },
    /** PATCH /admin/catalog/offering/{id}/window (omitted bound unchanged, null opens it). */
    setOfferingWindow(offeringId: string, body: catalog.OfferingWindowRequest): Promise<catalog.ProductOffering> {
      return http.request(catalog.ProductOffering, { method: 'PATCH', path: `/admin/catalog/offering/${seg(offeringId)}/window`, body });
    },
    /** POST /admin/catalog/offering/{id}/retire */
    retireOffering(offeringId: string): Promise<catalog.ProductOffering> {
      return http.request(catalog.ProductOffering, { method: 'POST', path: `/admin/catalog/offering/${seg(offeringId)}/retire` });
    },
    /** POST /admin/catalog/offering/{id}/price */
    addPrice(offeringId: string, body: catalog.AddPriceRequest): Promise<catalog.ProductOfferingPrice> {
      return http.request(catalog.ProductOfferingPrice, { method: 'POST', path: `/admin/catalog/offering/${seg(offeringId)}/price`, body });
    },
  };
}

/** The catalog client's type, for dependency injection in other services. */
export type CatalogClient = ReturnType<typeof createCatalogClient>;
