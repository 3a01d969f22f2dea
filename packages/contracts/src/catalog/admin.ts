// Request bodies and query strings of the catalog: the operator writes under /admin/catalog and the list filters.
// Bodies are strict camelCase: an unknown (e.g. snake_case) key is a 400, not silently ignored.
import { z } from 'zod';
import { InstantQueryParam } from '../common/paging.ts';
import { Instant } from '../common/limits.ts';

/** A catalog id as it appears in hrefs. */
export const CatalogId = z.string().max(64).regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . - (max 64)');

/** An amount: a decimal string ("25.00") or a JSON number; stored exactly, at most 10 integer and 2 fraction digits. */
export const AmountInput = z.union([z.string().max(32), z.number()]).describe('e.g. "25.00" (preferred) or 25');

const Bound = Instant.nullable().optional();
const Quantity = z.number().int().min(-1).nullable().optional().describe('-1 = unlimited; omitted/null = no allowance row');

/** POST /admin/catalog/offering */
export const AddOfferingRequest = z
  .strictObject({
    offeringId: CatalogId,
    name: z.string().min(1).max(200),
    specId: CatalogId.optional().describe('Default SPEC_MOBILE_PREPAID'),
    amount: AmountInput,
    currency: z.string().max(3).regex(/^[A-Z]{3}$/).optional().describe('Default SGD'),
    priceId: CatalogId.optional().describe('Default PRICE_<offeringId>'),
    validFrom: Bound,
    validTo: Bound.describe('Exclusive end'),
    dataMb: Quantity,
    voiceMinutes: Quantity,
    smsCount: Quantity,
    dataRoamingMb: Quantity,
  })
  .meta({ id: 'AddOfferingRequest' });
export type AddOfferingRequest = z.infer<typeof AddOfferingRequest>;

/** PATCH /admin/catalog/offering/{id}/window: merge-patch (omitted = unchanged, null = open bound). */
export const OfferingWindowRequest = z
  .strictObject({ validFrom: Bound, validTo: Bound.describe('Exclusive end; at or before now retires the offering') })
  .refine((b) => b.validFrom !== undefined || b.validTo !== undefined, 'give validFrom and/or validTo')
  .meta({ id: 'OfferingWindowRequest' });
export type OfferingWindowRequest = z.infer<typeof OfferingWindowRequest>;

/** POST /admin/catalog/offering/{id}/price */
export const AddPriceRequest = z
  .strictObject({
    priceId: CatalogId,
    name: z.string().min(1).max(200).optional().describe('Default: "<offering name> monthly"'),
    amount: AmountInput,
    currency: z.string().max(3).regex(/^[A-Z]{3}$/).optional().describe('Default SGD'),
    validFrom: Bound,
    validTo: Bound.describe('Exclusive end'),
    retireCurrent: z.boolean().optional().describe('Close every open-ended price of the offering at validFrom (or now) first'),
  })
  .meta({ id: 'AddPriceRequest' });
export type AddPriceRequest = z.infer<typeof AddPriceRequest>;

/** GET …/productOfferingPrice/active/{offeringId} */
export const ActivePriceQuery = z.object({ activeAt: InstantQueryParam.optional().describe('Default: now (scenario clock)') });
export type ActivePriceQuery = z.infer<typeof ActivePriceQuery>;
