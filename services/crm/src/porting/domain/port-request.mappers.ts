// Port request rows → wire shape, and id minting (the shared scheme: PORT- + 100 random bits in Crockford base32;
// ids minted earlier as PORT- + 8 upper-case hex stay valid).
import { mintId, type inventory as contracts } from '@bss/contracts';
import type { PortRequestRow } from '../schema.ts';

export const newPortRequestId = () => mintId('PORT');

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toPortRequest(row: PortRequestRow): contracts.PortRequest {
  return {
    id: row.id,
    direction: row.direction as contracts.PortDirection,
    donorCarrier: row.donorCarrier,
    donorMsisdn: row.donorMsisdn,
    targetSubscriptionId: row.targetSubscriptionId,
    targetCustomerId: row.targetCustomerId,
    requestedPortDate: row.requestedPortDate,
    state: row.state as contracts.PortRequestState,
    rejectionReason: row.rejectionReason,
    approvedAt: iso(row.approvedAt),
    completedAt: iso(row.completedAt),
    rejectedAt: iso(row.rejectedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
