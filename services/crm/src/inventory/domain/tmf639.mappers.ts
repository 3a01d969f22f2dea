// Pool rows → TMF639 Resource. MSISDNs are LogicalResource, eSIM profiles PhysicalResource (the profile is
// an installable SIM); ids are prefixed (MSISDN-…, ESIM-…) so both live in one /resource collection.
// TMF omits optional attributes without a value (omitEmpty), and neither ki nor ki_ref is ever exposed.
import type { inventory as contracts } from '@bss/contracts';
import { omitEmpty } from '@bss/server-kit';
import type { EsimRow, MsisdnRow } from '../schema.ts';

export const TMF639_RESOURCE_PATH = '/tmf-api/resourceInventoryManagement/v4/resource';
export const MSISDN_ID_PREFIX = 'MSISDN-';
export const ESIM_ID_PREFIX = 'ESIM-';

type Href = (collectionPath: string, id: string) => string;
type Status = contracts.Tmf639Resource['resourceStatus'];

/** Pool status → TMF resourceStatus / usageState / operationalState. */
export const MSISDN_STATUS: Record<string, { resourceStatus: Status; usageState: 'idle' | 'active' | 'busy'; enabled: boolean }> = {
  available: { resourceStatus: 'available', usageState: 'idle', enabled: true },
  reserved: { resourceStatus: 'reserved', usageState: 'busy', enabled: true },
  assigned: { resourceStatus: 'reserved', usageState: 'active', enabled: true },
  // gone to another carrier: kept for history, unusable here
  ported_out: { resourceStatus: 'unknown', usageState: 'idle', enabled: false },
};
export const ESIM_STATE: Record<string, { resourceStatus: Status; usageState: 'idle' | 'active' | 'busy' }> = {
  available: { resourceStatus: 'available', usageState: 'idle' },
  reserved: { resourceStatus: 'reserved', usageState: 'busy' },
  downloaded: { resourceStatus: 'reserved', usageState: 'busy' },
  activated: { resourceStatus: 'reserved', usageState: 'active' },
};

const chars = (pairs: [string, string | null][]) =>
  pairs.filter((p): p is [string, string] => p[1] !== null).map(([name, value]) => ({ name, valueType: 'string', value }));

function owners(subscriptionId: string | null, customerId: string | null) {
  const parties = [
    ...(customerId ? [{ id: customerId, role: 'owner', '@referredType': 'Customer' }] : []),
    ...(subscriptionId ? [{ id: subscriptionId, role: 'subscription', '@referredType': 'Subscription' }] : []),
  ];
  return parties.length ? parties : null;
}

export function msisdnToTmf639(row: MsisdnRow, href: Href): contracts.Tmf639Resource {
  const m = MSISDN_STATUS[row.status] ?? { resourceStatus: 'unknown' as const, usageState: 'idle' as const, enabled: false };
  return omitEmpty({
    id: `${MSISDN_ID_PREFIX}${row.msisdn}`,
    href: href(TMF639_RESOURCE_PATH, `${MSISDN_ID_PREFIX}${row.msisdn}`),
    name: row.msisdn,
    category: 'msisdn',
    resourceStatus: m.resourceStatus,
    operationalState: m.enabled ? ('enable' as const) : ('disable' as const),
    administrativeState: m.enabled ? ('unlocked' as const) : ('locked' as const),
    usageState: m.usageState,
    resourceCharacteristic: chars([
      ['msisdn', row.msisdn],
      ['state', row.status],
      ['origin', row.origin],
    ]),
    relatedParty: owners(row.assignedToSubscriptionId, row.assignedToCustomerId),
    '@type': 'LogicalResource' as const,
    '@baseType': 'Resource' as const,
  });
}

export function esimToTmf639(row: EsimRow, href: Href): contracts.Tmf639Resource {
  const e = ESIM_STATE[row.profileState] ?? { resourceStatus: 'unknown' as const, usageState: 'idle' as const };
  const msisdnId = row.assignedMsisdn ? `${MSISDN_ID_PREFIX}${row.assignedMsisdn}` : null;
  return omitEmpty({
    id: `${ESIM_ID_PREFIX}${row.iccid}`,
    href: href(TMF639_RESOURCE_PATH, `${ESIM_ID_PREFIX}${row.iccid}`),
    name: row.iccid,
    category: 'esimProfile',
    resourceStatus: e.resourceStatus,
    operationalState: 'enable' as const,
    administrativeState: 'unlocked' as const,
    usageState: e.usageState,
    resourceCharacteristic: chars([
      ['iccid', row.iccid],
      ['imsi', row.imsi],
      ['state', row.profileState],
      ['smdpServer', row.smdpServer],
      ['msisdn', row.assignedMsisdn],
    ]),
    relatedParty: owners(row.assignedToSubscriptionId, row.assignedToCustomerId),
    resourceRelationship: msisdnId
      ? [{ relationshipType: 'reliesOn', resource: { id: msisdnId, href: href(TMF639_RESOURCE_PATH, msisdnId), '@referredType': 'LogicalResource' } }]
      : null,
    '@type': 'PhysicalResource' as const,
    '@baseType': 'Resource' as const,
  });
}

/** Pool states whose TMF view matches the given resourceStatus / usageState (the mapping above, inverted). */
export function poolStatesMatching(
  table: Record<string, { resourceStatus: Status; usageState: string }>,
  want: { resourceStatus?: string; usageState?: string },
): string[] | undefined {
  if (want.resourceStatus === undefined && want.usageState === undefined) return undefined;
  return Object.entries(table)
    .filter(([, m]) => (want.resourceStatus === undefined || m.resourceStatus === want.resourceStatus) && (want.usageState === undefined || m.usageState === want.usageState))
    .map(([state]) => state);
}
