// TMF638 Service as SOM serves it: a CFS `MobileBroadband` with RFS `DataService` and `VoiceService`. BSS facts sit
// in TMF-legal places: resources and the eSIM activation code as serviceCharacteristic, the commercial order and
// the subscription as relatedEntity, the customer as relatedParty, CFS↔RFS as supportingService /
// serviceRelationship. TMF638 v4's Service has no @type. Validated strictly against specs/tmf/TMF638 in tests.
import { z } from 'zod';
import { FieldsQuery, PageQuery } from '../common/paging.ts';
import { LIMITS, Text } from '../common/limits.ts';
import { SomId } from './ids.ts';

export const TMF638_PATH = '/tmf-api/serviceInventory/v4/service';

export const Tmf638State = z.enum(['designed', 'reserved', 'active', 'terminated']);

const ServiceRef = z.object({ id: z.string(), href: z.string(), '@referredType': z.literal('Service') });

export const Service = z
  .object({
    id: z.string(),
    href: z.string(),
    name: z.string(),
    category: z.string(),
    serviceType: z.enum(['CFS', 'RFS']),
    state: Tmf638State,
    isServiceEnabled: z.boolean(),
    hasStarted: z.boolean(),
    startDate: z.string().optional(),
    endDate: z.string().optional(),
    serviceSpecification: z.object({ id: z.string(), name: z.string(), '@referredType': z.literal('ServiceSpecification') }),
    serviceCharacteristic: z.array(z.object({ name: z.string(), valueType: z.string(), value: z.unknown() })),
    relatedParty: z.array(z.object({ id: z.string(), role: z.string(), '@referredType': z.string() })),
    relatedEntity: z.array(z.object({ id: z.string(), role: z.string(), '@referredType': z.string() })),
    serviceOrderItem: z.array(z.object({ serviceOrderId: z.string(), itemId: z.string(), itemAction: z.string(), role: z.string() })).optional(),
    supportingService: z.array(ServiceRef).optional(),
    serviceRelationship: z.array(z.object({ relationshipType: z.string(), service: ServiceRef })).optional(),
  });
export type Service = z.infer<typeof Service>;
export const ServiceFields = Service.partial();
export type ServiceFields = z.infer<typeof ServiceFields>;

export const ServiceParams = z.object({ id: SomId.describe('Service id, e.g. SVC-…') });

export const ServiceListQuery = z
  .object({
    state: Text(LIMITS.code).optional().describe('TMF638 state (designed, reserved, active, terminated); unknown matches nothing'),
    'relatedParty.id': SomId.optional().describe('The customer id'),
    customerId: SomId.optional().describe('Alias of relatedParty.id'),
    subscriptionId: SomId.optional().describe('Services of one subscription'),
    'relatedEntity.id': SomId.optional().describe('A commercial order or subscription id'),
    serviceType: z.enum(['CFS', 'RFS']).optional(),
  })
  .extend(PageQuery.shape)
  .extend(FieldsQuery.shape);
export type ServiceListQuery = z.infer<typeof ServiceListQuery>;
