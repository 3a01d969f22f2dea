// Wire shapes of rating's debug surface: rate a usage against an offering without storing anything, and show
// the tariff (the allowances and currency rating reads from a TMF620 offering).
import { z } from 'zod';
import { Instant, LIMITS, Text } from '../common/limits.ts';
import { AllowanceType, UsageEventType, UsageUnit } from '../events/usage.events.ts';

/** The bundle balance a rated usage decrements. */
export const RatedAllowanceType = AllowanceType;
export type RatedAllowanceType = z.infer<typeof AllowanceType>;

const Id = z.string().max(LIMITS.id).regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, '1–64 characters of [A-Za-z0-9_.:-]');

/** One allowance of a tariff: quantity in `unit`, -1 = unlimited. */
export const TariffAllowance = z.object({ allowanceType: AllowanceType, quantity: z.number().int(), unit: z.string() });
export type TariffAllowance = z.infer<typeof TariffAllowance>;

/** What rating needs from an offering. */
export const Tariff = z
  .object({
    offeringId: z.string(),
    currency: z.string().nullable().describe('Currency of the price in force now (null: the offering has no price)'),
    allowances: z.array(TariffAllowance),
  })
  .meta({ id: 'Tariff' });
export type Tariff = z.infer<typeof Tariff>;

/** The rate-test body: a usage as `usage.recorded` carries it (ids optional, nothing is stored). */
export const RateTestRequest = z
  .object({
    offeringId: Id,
    eventType: UsageEventType,
    quantity: z.number().int().min(1).max(1_000_000_000_000),
    unit: UsageUnit,
    roaming: z.boolean().default(false),
    eventTime: Instant.optional().describe('Picks the price in force (default: now)'),
    usageEventId: Id.default('UE-TEST'),
    subscriptionId: Id.default('SUB-TEST'),
    msisdn: Text(15).default('00000000'),
  })
  .meta({ id: 'RateTestRequest' });
export type RateTestRequest = z.input<typeof RateTestRequest>;

/** What rating would stage as `usage.rated`. */
export const RatedUsage = z
  .object({
    usageEventId: z.string(),
    subscriptionId: z.string(),
    offeringId: z.string(),
    eventType: UsageEventType,
    allowanceType: AllowanceType,
    consumedQuantity: z.number().int(),
    unit: UsageUnit,
    chargeAmount: z.string().describe('Always "0.00": usage draws on prepaid allowances'),
    currency: z.string(),
  })
  .meta({ id: 'RatedUsage' });
export type RatedUsage = z.infer<typeof RatedUsage>;
