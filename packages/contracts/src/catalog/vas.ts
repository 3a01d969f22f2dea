// Value-added-service (top-up) offerings: a non-TMF, camelCase resource with the amount as a decimal string.
import { z } from 'zod';

/** A VAS offering (one-off top-up). */
export const VasOffering = z
  .object({
    id: z.string().describe('e.g. VAS_DATA_1GB'),
    name: z.string().nullable(),
    priceAmount: z.string().describe('Decimal string, 2 dp, e.g. "3.00"'),
    currency: z.string(),
    allowanceType: z.string().nullable().describe('data | data_roaming | …'),
    allowanceQuantity: z.number().int().nullable().describe('-1 = unlimited'),
    allowanceUnit: z.string().nullable(),
    expiryHours: z.number().int().nullable().describe('Validity of the top-up in hours; null = until renewal'),
  })
  .meta({ id: 'VasOffering' });
export type VasOffering = z.infer<typeof VasOffering>;
