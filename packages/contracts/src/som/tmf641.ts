// TMF641 ServiceOrder as SOM serves it (read-only: SOM's orders come from COM's events). The commercial order is
// `externalId` (and an `externalReference` of type ProductOrder); the customer is a relatedParty. Optional
// attributes without a value are omitted. Validated strictly against specs/tmf/TMF641 in the tests.
import { z } from 'zod';
import { PageQuery, FieldsQuery } from '../common/paging.ts';
import { LIMITS, Text } from '../common/limits.ts';
import { SomId } from './ids.ts';

export const TMF641_PATH = '/tmf-api/serviceOrdering/v4/serviceOrder';

export const Tmf641State = z.enum(['acknowledged', 'inProgress', 'completed', 'failed', 'cancelled']);

const Ref = z.object({ id: z.string(), href: z.string().optional(), name: z.string().optional(), '@referredType': z.string().optional() });

export const ServiceOrderItem = z.object({
  id: z.string(),
  action: z.literal('add'),
  state: Tmf641State,
  service: z.object({
    id: z.string(),
    href: z.string(),
    serviceType: z.string(),
    state: z.string(),
    serviceSpecification: z.object({ id: z.string(), name: z.string() }),
    '@referredType': z.literal('Service'),
  }),
  '@type': z.literal('ServiceOrderItem'),
});

export const ServiceOrderErrorMessage = z.object({
  code: z.string(),
  reason: z.string(),
  message: z.string(),
  status: z.string(),
  timestamp: z.string().optional(),
  '@type': z.literal('ServiceOrderErrorMessage'),
});

export const ServiceOrder = z
  .object({
    id: z.string(),
    href: z.string(),
    externalId: z.string(),
    category: z.string().optional(),
    description: z.string().optional(),
    state: Tmf641State,
    orderDate: z.string(),
    startDate: z.string().optional(),
    completionDate: z.string().optional(),
    cancellationDate: z.string().optional(),
    cancellationReason: z.string().optional(),
    externalReference: z.array(z.object({ name: z.string(), externalReferenceType: z.string(), '@type': z.literal('ExternalReference') })),
    relatedParty: z.array(Ref.extend({ role: z.string(), '@type': z.literal('RelatedParty'), '@referredType': z.string() })).optional(),
    serviceOrderItem: z.array(ServiceOrderItem).optional(),
    errorMessage: z.array(ServiceOrderErrorMessage).optional(),
    '@type': z.literal('ServiceOrder'),
  });
export type ServiceOrder = z.infer<typeof ServiceOrder>;
/** A ServiceOrder under a `fields` projection (id, href, @type always stay). */
export const ServiceOrderFields = ServiceOrder.partial();
export type ServiceOrderFields = z.infer<typeof ServiceOrderFields>;

export const ServiceOrderParams = z.object({ id: SomId.describe('Service order id, e.g. SO-…') });

export const ServiceOrderListQuery = z
  .object({
    externalId: SomId.optional().describe('The commercial order id'),
    commercialOrderId: SomId.optional().describe('Alias of externalId'),
    state: Text(LIMITS.code).optional().describe('TMF641 state (acknowledged, inProgress, completed, failed, cancelled); unknown matches nothing'),
    'relatedParty.id': SomId.optional().describe('The customer id'),
  })
  .extend(PageQuery.shape)
  .extend(FieldsQuery.shape);
export type ServiceOrderListQuery = z.infer<typeof ServiceOrderListQuery>;
