// TMF639 Resource view of the pools: MSISDNs as LogicalResource, eSIM profiles as PhysicalResource (both
// served as the TMF `Resource` shape). Optional attributes are omitted, never null. Writes: POST creates one
// pool entry, PATCH moves its status through the pool's state machine, DELETE removes a never-assigned entry.
import { z } from 'zod';
import { Id, LIMITS, Text } from '../common/limits.ts';
import { FieldsQuery, PageQuery } from '../common/paging.ts';

const Characteristic = z.object({ name: z.string(), valueType: z.string(), value: z.string() });
const RelatedParty = z.object({ id: z.string(), role: z.string(), '@referredType': z.string() });
const ResourceRelationship = z.object({
  relationshipType: z.string(),
  resource: z.object({ id: z.string(), href: z.string(), '@referredType': z.string() }),
});

export const RESOURCE_STATUSES = ['standby', 'alarm', 'available', 'reserved', 'unknown', 'suspended'] as const;
export const ResourceStatus = z.enum(RESOURCE_STATUSES);
export const ResourceType = z.enum(['LogicalResource', 'PhysicalResource']);
export const ResourceCategory = z.enum(['msisdn', 'esimProfile']);

const resourceShape = {
  id: z.string(),
  href: z.url(),
  name: z.string(),
  category: z.string().describe('msisdn | esimProfile'),
  resourceStatus: ResourceStatus,
  operationalState: z.enum(['enable', 'disable']),
  administrativeState: z.enum(['locked', 'unlocked', 'shutdown']),
  usageState: z.enum(['idle', 'active', 'busy']),
  resourceCharacteristic: z.array(Characteristic),
  relatedParty: z.array(RelatedParty).optional(),
  resourceRelationship: z.array(ResourceRelationship).optional(),
  '@type': ResourceType,
  '@baseType': z.literal('Resource'),
};
export const Tmf639Resource = z.object(resourceShape).meta({ id: 'Tmf639Resource' });
export type Tmf639Resource = z.infer<typeof Tmf639Resource>;

/** A Resource after a `fields` projection: only id, href and @type are guaranteed. */
export const Tmf639ResourceFields = z
  .object(resourceShape)
  .partial()
  .required({ id: true, href: true, '@type': true })
  .meta({ id: 'Tmf639ResourceFields' });
export type Tmf639ResourceFields = z.infer<typeof Tmf639ResourceFields>;

export const Tmf639ResourceListQuery = PageQuery.extend(FieldsQuery.shape).extend({
  '@type': ResourceType.optional().describe('Filter by resource type'),
  category: ResourceCategory.optional(),
  name: Text(22).optional().describe('Exact MSISDN or ICCID'),
  resourceStatus: ResourceStatus.optional(),
  usageState: z.enum(['idle', 'active', 'busy']).optional(),
});
export type Tmf639ResourceListQuery = z.infer<typeof Tmf639ResourceListQuery>;

export const Tmf639ResourceParams = z.object({ id: z.string().min(1).max(64) });

/** A characteristic on input: TMF `Characteristic` (name + value), values as strings. */
const CharacteristicInput = z.strictObject({
  id: Id.optional(),
  name: Text(LIMITS.characteristicName),
  valueType: Text(LIMITS.code).optional(),
  value: Text(LIMITS.characteristicValue),
  '@type': Text(LIMITS.code).optional(),
  '@baseType': Text(LIMITS.code).optional(),
  '@schemaLocation': Text(LIMITS.line).optional(),
});

/**
 * TMF `Resource_Create`, restricted to what a pool entry can hold (strict: any other attribute is a 400 naming
 * it, never silently dropped). `category` (or else `@type`) says which pool: `msisdn` / LogicalResource (the
 * default) or `esimProfile` / PhysicalResource. `name` is the MSISDN or the ICCID. An eSIM also needs the
 * characteristics `imsi` and `kiRef` (the HSM reference, never served back); `smdpServer` and `matchingId`
 * are optional. `id`/`href` are server-assigned (the official schema requires but never defines them): a sent
 * `id` must be the one the server mints, `href` is ignored.
 */
export const Tmf639ResourceCreate = z.strictObject({
  id: Id.optional(),
  href: Text(LIMITS.line).optional(),
  name: Text(22).min(1),
  category: ResourceCategory.optional(),
  resourceStatus: z.literal('available').optional().describe('A new entry is always available'),
  administrativeState: z.literal('unlocked').optional(),
  operationalState: z.literal('enable').optional(),
  usageState: z.literal('idle').optional(),
  resourceCharacteristic: z.array(CharacteristicInput).max(LIMITS.items).optional(),
  '@type': ResourceType.optional(),
  '@baseType': z.literal('Resource').optional(),
  '@schemaLocation': Text(LIMITS.line).optional(),
});
export type Tmf639ResourceCreate = z.infer<typeof Tmf639ResourceCreate>;

/**
 * JSON merge-patch of a Resource. Only `resourceStatus` is patchable: `reserved` reserves an available entry,
 * `available` releases a reservation (or recycles a used eSIM), each through the pool's policies and state
 * table. `id`, `href`, `name`, `category`, `@type` and `@baseType` may be echoed unchanged; anything else is a
 * 400 (strict), a changed identity attribute a 422 (resource.patch.immutable_attribute).
 */
export const Tmf639ResourcePatch = z.strictObject({
  id: Id.optional(),
  href: Text(LIMITS.line).optional(),
  name: Text(22).optional(),
  category: ResourceCategory.optional(),
  resourceStatus: z.enum(['available', 'reserved']).optional(),
  '@type': ResourceType.optional(),
  '@baseType': z.literal('Resource').optional(),
});
export type Tmf639ResourcePatch = z.infer<typeof Tmf639ResourcePatch>;
