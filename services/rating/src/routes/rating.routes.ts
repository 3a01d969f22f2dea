// Rating's debug surface: the tariff rating reads from an offering, and a dry-run rating that stores nothing.
// Both only read, so both need rating:read (rate-test is a POST because it takes a body).
import { usage } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import type { App } from '@bss/server-kit';
import { z } from 'zod';
import type { RatingService } from '../services/rating.service.ts';

const tags = ['Rating'];
const OfferingParams = z.object({ offeringId: z.string().max(64).regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, '1–64 characters of [A-Za-z0-9_.:-]').describe('e.g. PLAN_M') });
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 503: ErrorEnvelope };

export function registerRatingRoutes(app: App, ratings: RatingService): void {
  app.get(
    '/rating-api/v1/tariff/:offeringId',
    {
      schema: {
        tags,
        summary: 'The tariff of an offering: its allowances and the currency of its price in force',
        params: OfferingParams,
        response: { 200: usage.rating.Tariff, ...errors, 404: ErrorEnvelope },
      },
    },
    (req) => ratings.getTariff(req.params.offeringId),
  );

  app.post(
    '/rating-api/v1/rate-test',
    {
      config: { scope: 'rating:read' },
      schema: {
        tags,
        summary: 'Rate a usage against an offering without storing or publishing anything',
        description:
          'Answers what the consumer would stage as usage.rated, or 422 with the rule the usage breaks: usage.rate.offering_must_exist, ' +
          'usage.rate.allowance_must_exist, usage.rate.roaming_allowance_must_exist (roaming data needs a data_roaming allowance), ' +
          'usage.rate.unit_matches_allowance, usage.rate.price_must_exist.',
        body: usage.rating.RateTestRequest,
        response: { 200: usage.rating.RatedUsage, ...errors, 422: ErrorEnvelope },
      },
    },
    (req) => ratings.rateTest(req.body),
  );
}
