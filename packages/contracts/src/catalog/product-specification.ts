// TMF620 ProductSpecification as served by the catalog.
import { z } from 'zod';

/** A TMF620 ProductSpecification. */
export const ProductSpecification = z
  .object({
    id: z.string().describe('e.g. SPEC_MOBILE_PREPAID'),
    href: z.string(),
    name: z.string().optional(),
    description: z.string().optional(),
    brand: z.string().optional(),
    lifecycleStatus: z.string().optional(),
    '@type': z.literal('ProductSpecification'),
  })
  .meta({ id: 'ProductSpecification' });
export type ProductSpecification = z.infer<typeof ProductSpecification>;
