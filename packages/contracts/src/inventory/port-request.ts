// Wire shapes of number porting (/crm-api/v1/port-requests). camelCase, no @type/href (not a TMF resource).
import { z } from 'zod';
import { IsoDate } from '../common/limits.ts';
import { PageQuery } from '../common/paging.ts';

export const PortDirection = z.enum(['port_in', 'port_out']);
export type PortDirection = z.infer<typeof PortDirection>;
export const PortRequestState = z.enum(['requested', 'validated', 'approved', 'completed', 'rejected']);
export type PortRequestState = z.infer<typeof PortRequestState>;

const instant = () => z.iso.datetime({ offset: true }).nullable();

export const PortRequest = z
  .object({
    id: z.string().describe('PORT- + 8 upper-case hex, e.g. PORT-9C1E07AB'),
    direction: PortDirection,
    donorCarrier: z.string(),
    donorMsisdn: z.string(),
    targetSubscriptionId: z.string().nullable(),
    targetCustomerId: z.string().nullable(),
    requestedPortDate: z.iso.date(),
    state: PortRequestState,
    rejectionReason: z.string().nullable(),
    approvedAt: instant(),
    completedAt: instant(),
    rejectedAt: instant(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'PortRequest' });
export type PortRequest = z.infer<typeof PortRequest>;

export const PortRequestParams = z.object({ portId: z.string().min(1).max(64) });

/** `direction` is a plain string so an unknown value is the policy port_request.create.direction_valid. */
export const CreatePortRequest = z.object({
  direction: z.string().max(40),
  donorCarrier: z.string().max(200).trim().min(1),
  donorMsisdn: z.string().max(15).regex(/^[0-9]{6,15}$/, '6–15 digits'),
  requestedPortDate: IsoDate,
  targetSubscriptionId: z.string().min(1).max(64).optional(),
  targetCustomerId: z.string().min(1).max(64).optional(),
});
export type CreatePortRequest = z.infer<typeof CreatePortRequest>;

/** A missing or blank reason is the policy port_request.reject.requires_reason. */
export const RejectPortRequest = z.object({ reason: z.string().max(500).optional() }).nullish();
export type RejectPortRequest = NonNullable<z.infer<typeof RejectPortRequest>>;

export const PortRequestListQuery = PageQuery.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  state: PortRequestState.optional(),
  direction: PortDirection.optional(),
});
export type PortRequestListQuery = z.infer<typeof PortRequestListQuery>;
