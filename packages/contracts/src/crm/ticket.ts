// Wire shapes of TMF621-style trouble tickets (camelCase, href, @type) and their action bodies.
import { z } from 'zod';

export const TicketState = z.enum(['open', 'acknowledged', 'in_progress', 'pending', 'resolved', 'closed', 'cancelled']);
export type TicketState = z.infer<typeof TicketState>;
export const TicketTrigger = z.enum(['ack', 'start', 'wait', 'resume', 'resolve', 'close', 'reopen', 'cancel']);
export type TicketTrigger = z.infer<typeof TicketTrigger>;
export const TicketType = z.enum(['service_outage', 'billing_dispute', 'configuration', 'information_request', 'provisioning_exception']);
export const TicketPriority = z.enum(['low', 'normal', 'high', 'urgent']);

const Ref = z.object({ id: z.string(), role: z.string(), '@referredType': z.string() });

/** A trouble ticket. `status` is the state; flat ids duplicate `relatedParty`/`relatedEntity` for simple clients. */
export const TroubleTicket = z
  .object({
    id: z.string().describe('TKT-<8 hex>'),
    href: z.string(),
    name: z.string().describe('Subject'),
    description: z.string().optional(),
    ticketType: TicketType,
    status: TicketState,
    priority: TicketPriority,
    customerId: z.string(),
    caseId: z.string().optional(),
    assignedToAgentId: z.string().optional(),
    resolutionNotes: z.string().optional(),
    creationDate: z.string(),
    statusChangeDate: z.string(),
    resolutionDate: z.string().optional(),
    closedDate: z.string().optional(),
    relatedParty: z.array(Ref),
    relatedEntity: z.array(Ref),
    '@type': z.literal('TroubleTicket'),
  })
  .meta({ id: 'TroubleTicket' });
export type TroubleTicket = z.infer<typeof TroubleTicket>;

export const TicketCreate = z.object({
  customerId: z.string().min(1).max(64),
  subject: z.string().min(1).max(300),
  description: z.string().max(20_000).optional(),
  ticketType: TicketType.default('information_request'),
  priority: TicketPriority.default('normal'),
  caseId: z.string().max(64).optional(),
  assignedToAgentId: z.string().max(64).optional(),
});
export type TicketCreate = z.infer<typeof TicketCreate>;

export const TicketPatch = z
  .object({
    subject: z.string().min(1).max(300).optional(),
    description: z.string().max(20_000).optional(),
    priority: TicketPriority.optional(),
    ticketType: TicketType.optional(),
    assignedToAgentId: z.string().max(64).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'at least one field is required');
export type TicketPatch = z.infer<typeof TicketPatch>;

/** Body of the action routes (`/ack`, `/resolve`, …); each reads what it needs. */
export const TicketAction = z
  .object({
    assignedToAgentId: z.string().max(64).optional(),
    resolutionNotes: z.string().max(20_000).optional(),
    reason: z.string().max(500).optional(),
  })
  .nullish();
export type TicketAction = z.infer<typeof TicketAction>;

export const TicketListQuery = z.object({
  customerId: z.string().max(64).optional(),
  caseId: z.string().max(64).optional(),
  status: TicketState.optional(),
  assignedToAgentId: z.string().max(64).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(20),
});
export type TicketListQuery = z.infer<typeof TicketListQuery>;
