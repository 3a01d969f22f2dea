// TMF620 ProductSpecification as served by the catalog.
import { z } from 'zod';

/** A TMF620 ProductSpecification. */
const specShape = {
    id: z.string().describe('e.g. SPEC_MOBILE_PREPAID'),
    href: z.string(),
    name: z.string().optional(),
    description: z.string().optional(),
    brand: z.string().optional(),
    lifecycleStatus: z.string().optional(),
    lastUpdate: z.string().describe('Business time of the last write (scenario clock)'),
    '@type': z.literal('ProductSpecification'),
};
export const ProductSpecification = z.object(specShape).meta({ id: 'ProductSpecification' });
export type ProductSpecification = z.infer<typeof ProductSpecification>;

/** A ProductSpecification after a `fields` projection: only id, href and @type are guaranteed. */
export const ProductSpecificationFields = z
  .object(specShape)
  .partial()
  .required({ id: true, href: true, '@type': true })
  .meta({ id: 'ProductSpecificationFields' });
export type ProductSpecificationFields = z.infer<typeof ProductSpecificationFields>;
