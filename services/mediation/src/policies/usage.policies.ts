// Edge checks of a usage record, in this order: the record itself (quantity, type, unit), then the line's
// subscription. Every refusal is a PolicyViolation (422) whose rule id the record use-case also puts on the
// `usage.rejected` event. Roaming is an attribute, never an event type.
import { usage } from '@bss/contracts';
import { requirePolicy } from '@bss/policy';
import type { LineSubscription } from '../adapters/subscription-lookup.ts';
import type { RecordInput } from '../domain/usage-input.ts';
import type { UsageRow } from '../schema.ts';

export const RULES = {
  positiveQuantity: 'usage.record.positive_quantity',
  validEventType: 'usage.record.valid_event_type',
  unitMatchesEventType: 'usage.record.unit_matches_event_type',
  subscriptionMustExist: 'usage.record.subscription_must_exist',
  subscriptionMustBeActive: 'usage.record.subscription_must_be_active',
  externalIdMatchesRequest: 'usage.record.external_id_matches_request',
} as const;

export function checkPositiveQuantity(input: RecordInput): void {
  requirePolicy(input.quantity > 0, RULES.positiveQuantity, `quantity must be greater than zero (got ${input.quantity})`, { quantity: input.quantity });
}

export function checkValidEventType(input: RecordInput): asserts input is RecordInput & { eventType: usage.UsageEventType } {
  requirePolicy(usage.UsageEventType.safeParse(input.eventType).success, RULES.validEventType, `unknown event type '${input.eventType}'`, {
    eventType: input.eventType,
    validTypes: usage.UsageEventType.options,
  });
}

export function checkUnitMatchesEventType(input: RecordInput & { eventType: usage.UsageEventType }): void {
  const expected = usage.CANONICAL_UNIT[input.eventType];
  requirePolicy(input.unit === expected, RULES.unitMatchesEventType, `${input.eventType} usage is measured in ${expected}, not '${input.unit}'`, {
    eventType: input.eventType,
    unit: input.unit,
    expectedUnit: expected,
  });
}

export function checkSubscriptionExists(sub: LineSubscription | undefined, msisdn: string): asserts sub is LineSubscription {
  requirePolicy(sub !== undefined, RULES.subscriptionMustExist, `no subscription holds line ${msisdn}`, { msisdn });
}

/** Only an active line may use the network: pending is not provisioned yet, blocked is exhausted (block-on-exhaust). */
export function checkSubscriptionActive(sub: LineSubscription): void {
  requirePolicy(sub.state === 'active', RULES.subscriptionMustBeActive, `subscription ${sub.id} is ${sub.state}, not active`, {
    subscriptionId: sub.id,
    state: sub.state,
  });
}

/** A sender id names one record: posting it again with a different line, type, time or amount is refused. */
export function checkSameRecordForExternalId(existing: UsageRow, input: RecordInput): void {
  const differing = [
    existing.msisdn !== input.msisdn && 'msisdn',
    existing.eventType !== input.eventType && 'eventType',
    existing.eventTime.getTime() !== Date.parse(input.eventTime) && 'eventTime',
    existing.quantity !== input.quantity && 'quantity',
    existing.unit !== input.unit && 'unit',
    existing.roaming !== input.roaming && 'roaming',
  ].filter((f): f is string => f !== false);
  requirePolicy(differing.length === 0, RULES.externalIdMatchesRequest, `external id ${existing.externalId} was already used by usage ${existing.id} for a different record`, {
    externalId: existing.externalId,
    usageId: existing.id,
    differingFields: differing,
  });
}
