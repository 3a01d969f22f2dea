// Invariants of TMF639 writes that are about the Resource front door itself (which pool, which id, what may be
// deleted or patched). The pool rules proper (number shape, profile shape, state moves) stay in the pool's
// policies, so the TMF door and the /inventory-api door refuse the same things with the same rule ids.
import type { inventory as contracts } from '@bss/contracts';
import { requirePolicy } from '@bss/policy';

export type Pool = 'msisdn' | 'esim';

const POOL_OF_CATEGORY = { msisdn: 'msisdn', esimProfile: 'esim' } as const;
const POOL_OF_TYPE = { LogicalResource: 'msisdn', PhysicalResource: 'esim' } as const;

/** `category` names the pool, else `@type`, else an MSISDN (the mandatory-only body is just a name). */
export function poolOfCreate(body: contracts.Tmf639ResourceCreate): Pool {
  const byCategory = body.category ? POOL_OF_CATEGORY[body.category] : undefined;
  const byType = body['@type'] ? POOL_OF_TYPE[body['@type']] : undefined;
  requirePolicy(!byCategory || !byType || byCategory === byType, 'resource.create.type_mismatch', `category ${body.category} is not a ${body['@type']}`, {
    category: body.category,
    '@type': body['@type'],
  });
  return byCategory ?? byType ?? 'msisdn';
}

/** The id is server-assigned; a client that sends one must send the one the server mints. */
export function checkSentId(sent: string | undefined, minted: string): void {
  requirePolicy(sent === undefined || sent === minted, 'resource.create.id_mismatch', `the id of this resource is ${minted}`, { id: sent, expected: minted });
}

/** Characteristics a pool entry can hold on create; anything else would be dropped, so it is refused. */
const CREATE_CHARACTERISTICS: Record<Pool, readonly string[]> = {
  msisdn: ['msisdn'],
  esim: ['iccid', 'imsi', 'kiRef', 'smdpServer', 'matchingId'],
};

export function createCharacteristics(pool: Pool, name: string, chars: contracts.Tmf639ResourceCreate['resourceCharacteristic']): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of chars ?? []) {
    requirePolicy(CREATE_CHARACTERISTICS[pool].includes(c.name), 'resource.create.unknown_characteristic', `characteristic ${c.name} is not kept on a ${pool} resource`, {
      name: c.name,
      allowed: CREATE_CHARACTERISTICS[pool],
    });
    requirePolicy(!out.has(c.name), 'resource.create.unknown_characteristic', `characteristic ${c.name} appears twice`, { name: c.name });
    out.set(c.name, c.value);
  }
  // the identity characteristic repeats the name; it may not contradict it
  const identity = pool === 'msisdn' ? 'msisdn' : 'iccid';
  const echoed = out.get(identity);
  requirePolicy(echoed === undefined || echoed === name, 'resource.create.type_mismatch', `characteristic ${identity} must equal the name`, { name, [identity]: echoed });
  return out;
}

/** Identity attributes may be echoed in a merge-patch, never changed. */
export function checkImmutableEcho(current: contracts.Tmf639Resource, patch: contracts.Tmf639ResourcePatch): void {
  for (const key of ['id', 'href', 'name', 'category', '@type', '@baseType'] as const) {
    const sent = patch[key];
    requirePolicy(sent === undefined || sent === current[key], 'resource.patch.immutable_attribute', `${key} cannot be changed`, {
      attribute: key,
      current: current[key],
      sent,
    });
  }
}

/** DELETE takes a resource out of the stock for good: only one sitting in the pool that never served anyone. */
export function checkDeletable(id: string, facts: { available: boolean; everAssigned: boolean; state: string }): void {
  requirePolicy(facts.available, 'resource.delete.in_use', `${id} is ${facts.state}; only an available resource can be deleted`, { id, state: facts.state });
  requirePolicy(!facts.everAssigned, 'resource.delete.ever_assigned', `${id} was assigned before; its history stays in the inventory`, { id });
}
