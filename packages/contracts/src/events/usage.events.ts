// Events of usage: mediation (TMF635 ingest, aggregate `usage`, id = UE-…) and rating (same aggregate). The
// subscription service's decrement outcome events join with the subscription lifecycle.
import { z } from 'zod';
import { id, iso, maybeId, money, spec } from './spec.ts';

/** What a usage record measures; roaming is an attribute, never an event type. */
export const UsageEventType = z.enum(['data', 'voice', 'sms']);
/** The canonical unit of each event type: data in mb, voice in minutes, sms as a count. */
export const UsageUnit = z.enum(['mb', 'minutes', 'count']);
/** The bundle balance a rated usage decrements. */
export const AllowanceType = z.enum(['data', 'voice', 'sms', 'data_roaming']);

const usage = {
  usageEventId: id,
  subscriptionId: id,
  customerId: id,
  msisdn: z.string(),
  eventType: UsageEventType,
  eventTime: iso,
  quantity: z.number().int().positive(),
  unit: UsageUnit,
  roaming: z.boolean(),
};

export const usageEvents = {
  'usage.recorded': spec('mediation', 'usage', 'A usage record passed the edge checks (known MSISDN, active line) and was stored once.', z.strictObject({
    ...usage,
    offeringId: id,
    source: z.string(),
    externalId: z.string().nullable().describe("the sender's own usage id (idempotency)"),
  })),
  'usage.rejected': spec('mediation', 'usage', 'A usage record was refused at the edge; nothing was stored.', z.strictObject({
    msisdn: z.string(),
    subscriptionId: maybeId,
    subscriptionState: z.string().nullable(),
    eventType: z.string(),
    eventTime: z.string().nullable(),
    quantity: z.number(),
    unit: z.string(),
    externalId: z.string().nullable(),
    reason: z.string().describe('rule id'),
  })),
  'usage.rated': spec('rating', 'usage', 'A usage record was rated against its offering: the balance to decrement and by how much.', z.strictObject({
    ...usage,
    offeringId: id,
    allowanceType: AllowanceType,
    consumedQuantity: z.number().int().positive(),
    chargeAmount: money,
    currency: z.string(),
  })),
  'usage.rating_rejected': spec('rating', 'usage', 'A usage record could not be rated (e.g. a unit the tariff does not know); nothing is decremented.', z.strictObject({
    ...usage,
    offeringId: id,
    reason: z.string().describe('rule id'),
  })),
};
