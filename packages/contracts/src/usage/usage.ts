// Wire shapes of mediation (TMF635 v4 Usage). POST takes the official `Usage_Create` body (the line and the amount
// ride in `usageCharacteristic`: msisdn, quantity, unit, roaming, source, externalId) or the shorthand the
// simulators, the CLI and the agent send ({msisdn, eventType, eventTime, quantity, unit, …}); both reach one
// record use-case. Event type, unit and quantity are checked by policy (422 with a rule id), not by the schema,
// so an agent learns which rule it broke.
import { z } from 'zod';
import { Instant, LIMITS, Text } from '../common/limits.ts';
import { UsageEventType as EventTypeEnum, UsageUnit as UnitEnum } from '../events/usage.events.ts';

/** What a usage record measures: data, voice or sms (roaming is an attribute). */
export const UsageEventType = EventTypeEnum;
export type UsageEventType = z.infer<typeof UsageEventType>;
/** The canonical units: mb, minutes, count. */
export const UsageUnit = UnitEnum;
export type UsageUnit = z.infer<typeof UsageUnit>;

/** The one unit each event type is measured in. */
export const CANONICAL_UNIT = { data: 'mb', voice: 'minutes', sms: 'count' } as const satisfies Record<UsageEventType, UsageUnit>;

const Line = Text(LIMITS.line);
const Meta = Text(LIMITS.line);

/** A phone number as the network reports it: 6–15 digits (E.164 without the plus). */
export const Msisdn = z.string().max(15).regex(/^[0-9]{6,15}$/, '6–15 digits');

/** The sender's own id of a usage record: its idempotency key (the same id again is stored and counted once). */
export const ExternalUsageId = z
  .string()
  .max(128)
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, '1–128 characters of [A-Za-z0-9._:-]');

/** Where a record came from (simulator, cli, scenario, a mediation feed name). */
export const UsageSource = z.string().max(40).regex(/^[a-z0-9][a-z0-9_.-]{0,39}$/, 'lowercase name, e.g. simulator');

/** Quantities are whole units (mb, minutes, count); the positive-quantity rule answers zero and negatives. */
const Quantity = z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000).describe('Whole units of `unit`; must be > 0');

/** The shorthand create body. */
export const RecordUsageRequest = z
  .object({
    msisdn: Msisdn.describe('The line that used the network'),
    eventType: z.string().max(40).describe('data | voice | sms (roaming is an attribute, never a type)'),
    eventTime: Instant.describe('When the usage happened (network time)'),
    quantity: Quantity,
    unit: z.string().max(40).describe('The event type’s canonical unit: data mb, voice minutes, sms count'),
    roaming: z.boolean().default(false).describe('Used while roaming (data then draws on the roaming allowance)'),
    source: UsageSource.default('api'),
    externalId: ExternalUsageId.optional().describe("The sender's usage id: posting it again returns the first record (200)"),
  })
  .meta({ id: 'RecordUsageRequest' });
export type RecordUsageRequest = z.input<typeof RecordUsageRequest>;

/** The characteristic names a Usage_Create may carry (others are refused: nothing would keep them). */
export const USAGE_CHARACTERISTICS = ['msisdn', 'quantity', 'unit', 'roaming', 'source', 'externalId'] as const;

/** TMF UsageCharacteristic on input: `value` is a bounded scalar. */
export const UsageCharacteristicInput = z.object({
  id: Text(LIMITS.id).optional(),
  name: z.enum(USAGE_CHARACTERISTICS),
  valueType: Text(LIMITS.code).optional(),
  value: z.union([z.string().max(LIMITS.characteristicValue), z.number(), z.boolean()]),
  '@baseType': Meta.optional(),
  '@schemaLocation': Meta.optional(),
  '@type': Meta.optional(),
});

/** TMF RelatedParty on input; accepted for conformance, the customer is always the subscription's. */
const RelatedPartyInput = z.object({
  id: Text(LIMITS.id),
  href: Line.optional(),
  name: Text(LIMITS.name).optional(),
  role: Text(LIMITS.name).optional(),
  '@baseType': Meta.optional(),
  '@schemaLocation': Meta.optional(),
  '@type': Meta.optional(),
  '@referredType': Meta,
});

/**
 * The official TMF635 `Usage_Create`. `usageType` is the event type, `usageDate` the event time; msisdn, quantity
 * and unit are mandatory characteristics, roaming (boolean), source and externalId (the idempotency key: TMF
 * gives a create body no `id`) optional ones. `status` is accepted and ignored: a stored record is `received`.
 */
export const UsageCreate = z
  .object({
    usageDate: Instant.describe('When the usage happened'),
    usageType: z.string().max(40).describe('data | voice | sms'),
    usageCharacteristic: z.array(UsageCharacteristicInput).min(1).max(USAGE_CHARACTERISTICS.length).describe('msisdn, quantity, unit (mandatory); roaming, source, externalId'),
    description: Line.optional(),
    relatedParty: z.array(RelatedPartyInput).max(LIMITS.items).optional(),
    status: z.enum(['received', 'rejected', 'recycled', 'guided', 'rated', 'rerated', 'billed']).optional(),
    usageSpecification: z.object({ id: Text(LIMITS.id), href: Line.optional(), name: Text(LIMITS.name).optional(), '@referredType': Meta.optional(), '@type': Meta.optional() }).optional(),
    '@type': Meta.optional(),
    '@baseType': Meta.optional(),
    '@schemaLocation': Meta.optional(),
  })
  .meta({ id: 'UsageCreate' });
export type UsageCreate = z.input<typeof UsageCreate>;

/** Either create body of POST /usage. */
export const UsageCreateBody = z.union([RecordUsageRequest, UsageCreate]);
export type UsageCreateBody = z.input<typeof UsageCreateBody>;

const Characteristic = z.object({ name: z.string(), valueType: z.string(), value: z.union([z.string(), z.number(), z.boolean()]) });

/** A stored usage record as TMF635 `Usage` (status `received`: rating runs asynchronously on the event). */
export const Usage = z
  .object({
    id: z.string().describe('UE-…'),
    href: z.url(),
    description: z.string().optional(),
    usageDate: z.iso.datetime({ offset: true }),
    usageType: UsageEventType,
    status: z.literal('received'),
    usageCharacteristic: z.array(Characteristic).describe('msisdn, quantity, unit, roaming, source, subscriptionId, offeringId, externalId'),
    relatedParty: z.array(z.object({ id: z.string(), role: z.string(), '@referredType': z.string() })).describe('The customer'),
    '@type': z.literal('Usage'),
  })
  .meta({ id: 'Usage' });
export type Usage = z.infer<typeof Usage>;

/** A Usage under a `fields` projection: id, href and @type stay. */
export const UsageFields = Usage.partial().required({ id: true, href: true, '@type': true }).meta({ id: 'UsageFields' });
export type UsageFields = z.infer<typeof UsageFields>;
