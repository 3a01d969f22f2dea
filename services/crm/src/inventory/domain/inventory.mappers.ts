// Rows → wire shapes for the inventory API. ki_ref never leaves this layer.
import type { inventory as contracts } from '@bss/contracts';
import type { EsimRow, MsisdnRow } from '../schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toMsisdn(row: MsisdnRow): contracts.Msisdn {
  return {
    msisdn: row.msisdn,
    status: row.status as contracts.MsisdnStatus,
    origin: row.origin as contracts.Msisdn['origin'],
    reservedAt: iso(row.reservedAt),
    assignedAt: iso(row.assignedAt),
    assignedToSubscriptionId: row.assignedToSubscriptionId,
    assignedToCustomerId: row.assignedToCustomerId,
    portedOutAt: iso(row.portedOutAt),
    portRequestId: row.portRequestId,
  };
}

export function toEsimProfile(row: EsimRow): contracts.EsimProfile {
  return {
    iccid: row.iccid,
    imsi: row.imsi,
    profileState: row.profileState as contracts.EsimState,
    smdpServer: row.smdpServer,
    assignedMsisdn: row.assignedMsisdn,
    assignedToSubscriptionId: row.assignedToSubscriptionId,
    assignedToCustomerId: row.assignedToCustomerId,
    reservedAt: iso(row.reservedAt),
    downloadedAt: iso(row.downloadedAt),
    activatedAt: iso(row.activatedAt),
  };
}

/** The GSMA SGP.22 activation code a device scans: `LPA:1$<SM-DP+ address>$<matching id>`. */
export function toEsimActivation(row: EsimRow): contracts.EsimActivation {
  return {
    iccid: row.iccid,
    activationCode: `LPA:1$${row.smdpServer}$${row.matchingId}`,
    smdpServer: row.smdpServer,
    matchingId: row.matchingId,
  };
}
