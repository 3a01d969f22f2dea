// Rating use-cases: rate a recorded usage inside the consumer's transaction (stage usage.rated, or
// usage.rating_rejected when it cannot be rated), rate a usage for the debug route without storing anything,
// and show an offering's tariff. The consumer reads offerings through a short-lived cache (offering-cache.ts:
// what a stale tariff can and cannot change); the debug route and the tariff view read the catalog as it is
// now. A catalog that is down is transient (the consumer retries); an unknown offering is permanent and
// rejected with a rule. Records delivered together are rated in one transaction (rateRecordedMany).
import { NotFoundError } from '@bss/clients';
import type { catalog, EventPayload, usage } from '@bss/contracts';
import type { Tx } from '@bss/db';
import { PolicyViolation } from '@bss/policy';
import type { RatingDeps } from '../deps.ts';
import { createOfferingCache } from './offering-cache.ts';
import { RATING_RULES, rateUsage, tariffOf, type RatingOutcome, type Tariff } from '../domain/tariff.ts';
import { usageRated, usageRatingRejected } from '../events/rating.events.ts';
import type { z } from 'zod';

export type RatingService = ReturnType<typeof createRatingService>;

export function createRatingService(deps: RatingDeps) {
  const { outbox, logger } = deps;
  const cached = createOfferingCache((offeringId) => deps.catalog.getOffering(offeringId), deps.offeringCache ?? {});

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
  async function rate(u: Parameters<typeof rateUsage>[0] & { offeringId: string }, at: Date, find = findOffering): Promise<RatingOutcome> {
    const offering = await find(u.offeringId);
    if (!offering) {
      return { ok: false, refusal: { rule: RATING_RULES.offeringMustExist, message: `offering ${u.offeringId} is not in the catalog`, context: { offeringId: u.offeringId } } };
    }
    return rateUsage(u, tariffOf(offering, at));
  }

  /** The consumer's use-case: runs in the transaction that claimed the inbox row, stages exactly one outcome. */
  async function rateRecorded(tx: Tx, recorded: EventPayload<'usage.recorded'>): Promise<void> {
    await rateRecordedMany(tx, [{ recorded, within: (fn) => fn() }]);
  }

  type Item = { recorded: EventPayload<'usage.recorded'>; within<T>(fn: () => T): T };

  /**
   * Several records in the consumer's batch transaction, in order: each stages exactly one outcome, in the
   * context of the event that carried it, all in one INSERT. The offerings are resolved first (a catalog outage
   * fails the batch before anything is staged).
   */
  async function rateRecordedMany(tx: Tx, items: Item[]): Promise<void> {
    const offerings = new Map<string, catalog.ProductOffering | undefined>();
    for (const id of new Set(items.map((i) => i.recorded.offeringId))) offerings.set(id, await cached.get(id));
    const known = async (id: string) => offerings.get(id);
    const staged = [];
    for (const { recorded, within } of items) {
      const outcome = await rate(recorded, new Date(recorded.eventTime), known);
      if (!outcome.ok) logger.warn({ usageEventId: recorded.usageEventId, offeringId: recorded.offeringId, rule: outcome.refusal.rule }, 'usage could not be rated');
      const event = outcome.ok ? usageRated(recorded, outcome.rated) : usageRatingRejected(recorded, outcome.refusal.rule);
      staged.push(within(() => outbox.prepare(event)));
    }
    await outbox.stageMany(tx, staged);
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

  return { rateRecorded, rateRecordedMany, rateTest, getTariff };
}
