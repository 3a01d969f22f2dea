// Typed client of rating's debug surface: an offering's tariff and a dry-run rating (nothing stored). A usage
// that cannot be rated arrives as PolicyViolationError carrying the usage.rate.* rule id.
import { usage } from '@bss/contracts';
import { createHttpClient, type ClientOptions } from './http-client.ts';

/** Calls the rating API. */
export interface RatingClient {
  getTariff(offeringId: string): Promise<usage.rating.Tariff>;
  rateTest(body: usage.rating.RateTestRequest): Promise<usage.rating.RatedUsage>;
}

/** Creates a rating client. */
export function createRatingClient(opts: ClientOptions): RatingClient {
  const http = createHttpClient('rating', opts);
  return {
    getTariff: (offeringId) => http.request(usage.rating.Tariff, { method: 'GET', path: `/rating-api/v1/tariff/${encodeURIComponent(offeringId)}` }),
    rateTest: (body) => http.request(usage.rating.RatedUsage, { method: 'POST', path: '/rating-api/v1/rate-test', body }),
  };
}
