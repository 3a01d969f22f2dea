// Absolute TMF620 hrefs, built from the service's public base URL (TMF hrefs are URIs, not bare paths).
import { hrefBuilder } from '@bss/server-kit';

/** Where the TMF620 resources are mounted. */
export const TMF620_BASE = '/tmf-api/productCatalogManagement/v4';

/** Href builders for each catalog resource. */
export interface CatalogHrefs {
  offering(id: string): string;
  price(id: string): string;
  specification(id: string): string;
}

/** Builds the hrefs for `publicBaseUrl`, e.g. http://localhost:8001. */
export function catalogHrefs(publicBaseUrl: string): CatalogHrefs {
  const href = hrefBuilder(publicBaseUrl);
  return {
    offering: (id) => href(`${TMF620_BASE}/productOffering`, id),
    price: (id) => href(`${TMF620_BASE}/productOfferingPrice`, id),
    specification: (id) => href(`${TMF620_BASE}/productSpecification`, id),
  };
}
