// TMF640 Service Activation and Configuration v4 output shapes: each provisioning task is one resource-facing
// Service being activated, and its Monitor tracks the activation request (InProgress, InError, Completed).
// Only attributes of the official schema appear (the strict validator checks it in tests).
import { z } from 'zod';
import { FieldsQuery, PageQuery } from '../common/paging.ts';

export const TMF640_BASE = '/tmf-api/ServiceActivationAndConfiguration/v4';

const Characteristic = z.object({ name: z.string(), valueType: z.string().optional(), value: z.union([z.string(), z.number(), z.boolean()]) });

export const Tmf640Service = z
  .object({
    id: z.string(),
    href: z.string(),
    category: z.string(),
    name: z.string(),
    description: z.string(),
    serviceType: z.string(),
    state: z.enum(['reserved', 'active', 'inactive']).describe('reserved: not yet activated (pending, stuck, failed retryably); active: completed; inactive: failed permanently or abandoned'),
    hasStarted: z.boolean(),
    isServiceEnabled: z.boolean(),
    isBundle: z.boolean(),
    isStateful: z.boolean(),
    serviceDate: z.string(),
    startDate: z.string().optional(),
    endDate: z.string().optional(),
    serviceCharacteristic: z.array(Characteristic),
    serviceSpecification: z.object({ id: z.string(), name: z.string(), '@referredType': z.string() }),
    serviceOrderItem: z.array(z.object({ serviceOrderId: z.string(), itemId: z.string(), role: z.string(), '@referredType': z.string() })),
    supportingService: z.array(z.object({ id: z.string(), '@referredType': z.string() })),
    relatedParty: z.array(z.object({ id: z.string(), role: z.string(), '@referredType': z.string() })),
    note: z.array(z.object({ text: z.string(), date: z.string().optional(), author: z.string().optional() })).optional(),
    '@type': z.literal('Service'),
  });
export type Tmf640Service = z.infer<typeof Tmf640Service>;

const HeaderItem = z.object({ name: z.string(), value: z.string() });

export const Tmf640Monitor = z
  .object({
    id: z.string(),
    href: z.string(),
    sourceHref: z.string(),
    state: z.enum(['InProgress', 'InError', 'Completed']),
    request: z.object({ method: z.string(), to: z.string(), body: z.string(), header: z.array(HeaderItem) }),
    response: z.object({ statusCode: z.string(), body: z.string(), header: z.array(HeaderItem) }).optional(),
    '@type': z.literal('Monitor'),
  });
export type Tmf640Monitor = z.infer<typeof Tmf640Monitor>;

export const Tmf640ListQuery = PageQuery.extend(FieldsQuery.shape);
export const Tmf640IdParams = z.object({
  id: z.string().max(64).regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, '1–64 characters of [A-Za-z0-9_.:-]').describe('The task id, e.g. PTK-…'),
});
