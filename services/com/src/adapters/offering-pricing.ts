// Port to the catalog: "what does this offering cost now?". The catalog answers with its lowest active
// recurring price if the offering is sellable now (window and lifecycle), 404 for an unknown offering and
// 422 `catalog.price.no_active_row` (context `cause`) when it is not sellable or has no price in force.
import { createCatalogClient, NotFoundError, PolicyViolationError, type ClientOptions } from '@bss/clients';
import { amountFromNumber } from '@bss/contracts';

export type PriceQuote =
  | { kind: 'priced'; priceId: string; amount: string; currency: string }
  | { kind: 'unknown_offering' }
  | { kind: 'not_sellable'; underlying: string; cause: string | undefined };

export interface OfferingPricing {
  quote(offeringId: string, at: Date): Promise<PriceQuote>;
}

/** OfferingPricing over GET /tmf-api/productCatalogManagement/v4/productOfferingPrice/active/{offeringId}. */
export function createCatalogOfferingPricing(opts: ClientOptions): OfferingPricing {
  const catalog = createCatalogClient(opts);
  return {
    async quote(offeringId, at) {
      try {
        const price = await catalog.getActivePrice(offeringId, at.toISOString());
        // Money.value is the catalog's exact numeric(12,2) serialised as a JSON number; back to its decimal string.
        return { kind: 'priced', priceId: price.id, amount: amountFromNumber(price.price.value), currency: price.price.unit };
      } catch (err) {
        if (err instanceof NotFoundError) return { kind: 'unknown_offering' };
        if (err instanceof PolicyViolationError) {
          const cause = typeof err.context.cause === 'string' ? err.context.cause : undefined;
          return { kind: 'not_sellable', underlying: err.rule, cause };
        }
        throw err;
      }
    },
  };
}
