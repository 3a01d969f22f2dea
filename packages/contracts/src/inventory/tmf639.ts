// TMF639 Resource view of the pools: MSISDNs as LogicalResource, eSIM profiles as PhysicalResource
// (both served as the TMF `Resource` shape). Read-only; optional attributes are omitted, never null.
import { z } from 'zod';
import { PageQuery } from '../common/paging.ts';

const Characteristic = z.object({ name: z.string(), valueType: z.string(), value: z.string() });
const RelatedParty = z.object({ id: z.string(), role: z.string(), '@referredType': z.string() });
const ResourceRelationship = z.object({
  relationshipType: z.string(),
  resource: z.object({ id: z.string(), href: z.string(), '@referredType': z.string() }),
});

export const Tmf639Resource = z
  .object({
    id: z.string(),
    href: z.url(),
    name: z.string(),
    category: z.string().describe('msisdn | esimProfile'),
    resourceStatus: z.enum(['standby', 'alarm', 'available', 'reserved', 'unknown', 'suspended']),
    operationalState: z.enum(['enable', 'disable']),
    administrativeState: z.enum(['locked', 'unlocked', 'shutdown']),
    usageState: z.enum(['idle', 'active', 'busy']),
    resourceCharacteristic: z.array(Characteristic),
    relatedParty: z.array(RelatedParty).optional(),
    resourceRelationship: z.array(ResourceRelationship).optional(),
    '@type': z.enum(['LogicalResource', 'PhysicalResource']),
    '@baseType': z.literal('Resource'),
  })
  .meta({ id: 'Tmf639Resource' });
export type Tmf639Resource = z.infer<typeof Tmf639Resource>;

export const Tmf639ResourceListQuery = PageQuery.extend({
  '@type': z.enum(['LogicalResource', 'PhysicalResource']).optional().describe('Filter by resource type'),
  category: z.enum(['msisdn', 'esimProfile']).optional(),
});
export type Tmf639ResourceListQuery = z.infer<typeof Tmf639ResourceListQuery>;

export const Tmf639ResourceParams = z.object({ id: z.string().min(1).max(64) });
