// Rating use-cases: rate a recorded usage inside the consumer's transaction (stage usage.rated, or
// usage.rating_rejected when it cannot be rated), rate a usage for the debug route without storing anything,
// and show an offering's tariff. The offering is read from the catalog on every rating, not cached: allowances
// change through catalog admin writes, a stale tariff would decrement the wrong bucket, and one local GET per
// usage record is cheap next to the record's own write path (see DECISIONS.md 2026-12-01). A catalog that is
// down is transient (the consumer retries); an unknown offering is permanent and rejected with a rule.
import { NotFoundError } from '@bss/clients';
import type { catalog, EventPayload, usage } from '@bss/contracts';
import type { Tx } from '@bss/db';
import { PolicyViolation } from '@bss/policy';
import type { RatingDeps } from '../deps.ts';
import { RATING_RULES, rateUsage, tariffOf, type RatingOutcome, type Tariff } from '../domain/tariff.ts';
import { usageRated, usageRatingRejected } from '../events/rating.events.ts';
import type { z } from 'zod';

export type RatingService = ReturnType<typeof createRatingService>;

export function createRatingService(deps: RatingDeps) {
  const { outbox, logger } = deps;

  /** The offering, or undefined when the catalog does not know it; unavailability propagates (transient). */
  async function findOffering(offeringId: string): Promise<catalog.ProductOffering | undefined> {
    try {
      return await deps.catalog.getOffering(offeringId);
    } catch (err) {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    }
  }

  /** Rates against the offering's tariff at `at`; an unknown offering is a refusal too. */
  async function rate(u: Parameters<typeof rateUsage>[0] & { offeringId: string }, at: Date): Promise<RatingOutcome> {
    const offering = await findOffering(u.offeringId);
    if (!offering) {
      return { ok: false, refusal: { rule: RATING_RULES.offeringMustExist, message: `offering ${u.offeringId} is not in the catalog`, context: { offeringId: u.offeringId } } };
    }
    return rateUsage(u, tariffOf(offering, at));
  }

  /** The consumer's use-case: runs in the transaction that claimed the inbox row, stages exactly one outcome. */
  async function rateRecorded(tx: Tx, recorded: EventPayload<'usage.recorded'>): Promise<void> {
    const outcome = await rate(recorded, new Date(recorded.eventTime));
    if (outcome.ok) {
      await outbox.stage(tx, usageRated(recorded, outcome.rated));
      return;
    }
    logger.warn({ usageEventId: recorded.usageEventId, offeringId: recorded.offeringId, rule: outcome.refusal.rule }, 'usage could not be rated');
    await outbox.stage(tx, usageRatingRejected(recorded, outcome.refusal.rule));
  }

  /** The debug route: what rating would stage, or the refusal as a 422 with its rule id. Nothing is stored. */
  async function rateTest(input: z.output<typeof usage.rating.RateTestRequest>): Promise<usage.rating.RatedUsage> {
    const outcome = await rate(input, input.eventTime ? new Date(input.eventTime) : deps.clock.now());
    if (!outcome.ok) throw new PolicyViolation(outcome.refusal.rule, outcome.refusal.message, outcome.refusal.context);
    return { usageEventId: input.usageEventId, subscriptionId: input.subscriptionId, offeringId: input.offeringId, eventType: input.eventType, unit: input.unit, ...outcome.rated };
  }

  /** The offering's tariff now (404 when the catalog does not know it). */
  async function getTariff(offeringId: string): Promise<Tariff> {
    return tariffOf(await deps.catalog.getOffering(offeringId), deps.clock.now());
  }

  return { rateRecorded, rateTest, getTariff };
}
