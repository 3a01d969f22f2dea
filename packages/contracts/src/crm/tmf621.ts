// TMF621 Trouble Ticket wire shapes, strict against the official v4 schema. The CRM's own camelCase shape
// (ticket.ts) stays at /crm-api/v1/ticket; this is what /tmf-api/troubleTicket/v4/troubleTicket serves.
// The customer is the relatedParty with role `customer`, the assignee the one with role `assignee` (an agent),
// the parent case the relatedEntity with role `parentCase`. Optional attributes are omitted, never null.
import { z } from 'zod';
import { Id, LIMITS, Text } from '../common/limits.ts';
import { FieldsQuery, PageQuery } from '../common/paging.ts';
import { TicketPriority, TicketType } from './ticket.ts';

/** TMF621 TroubleTicketStatusType. */
export const TMF621_STATUSES = ['acknowledged', 'rejected', 'pending', 'held', 'inProgress', 'cancelled', 'closed', 'resolved'] as const;
export const Tmf621Status = z.enum(TMF621_STATUSES);
export type Tmf621Status = z.infer<typeof Tmf621Status>;

const Ref = z.object({ id: z.string(), role: z.string(), '@referredType': z.string() });
const Note = z.object({ text: z.string(), date: z.string().optional(), '@type': z.literal('Note') });

const ticketShape = {
  id: z.string().describe('TKT-…'),
  href: z.url(),
  name: z.string().describe('Subject'),
  description: z.string().optional(),
  severity: z.string().optional(),
  ticketType: TicketType,
  priority: TicketPriority,
  status: Tmf621Status,
  creationDate: z.string(),
  lastUpdate: z.string(),
  statusChangeDate: z.string(),
  resolutionDate: z.string().optional(),
  note: z.array(Note).optional().describe('The resolution notes, once resolved'),
  relatedParty: z.array(Ref),
  relatedEntity: z.array(Ref).optional(),
  '@type': z.literal('TroubleTicket'),
};
export const Tmf621TroubleTicket = z.object(ticketShape).meta({ id: 'Tmf621TroubleTicket' });
export type Tmf621TroubleTicket = z.infer<typeof Tmf621TroubleTicket>;

/** After a `fields` projection: only id, href and @type are guaranteed. */
export const Tmf621TroubleTicketFields = z
  .object(ticketShape)
  .partial()
  .required({ id: true, href: true, '@type': true })
  .meta({ id: 'Tmf621TroubleTicketFields' });
export type Tmf621TroubleTicketFields = z.infer<typeof Tmf621TroubleTicketFields>;

const RefInput = {
  id: Id,
  href: Text(LIMITS.line).optional(),
  name: Text(LIMITS.name).optional(),
  '@referredType': Text(LIMITS.code),
  '@type': Text(LIMITS.code).optional(),
  '@baseType': Text(LIMITS.code).optional(),
  '@schemaLocation': Text(LIMITS.line).optional(),
};
const RelatedPartyInput = z.strictObject({ ...RefInput, role: Text(LIMITS.code).optional() });
const RelatedEntityInput = z.strictObject({ ...RefInput, role: Text(LIMITS.code) });
export type Tmf621RelatedPartyInput = z.infer<typeof RelatedPartyInput>;

const common = {
  name: Text(300).min(1).optional().describe('Subject; defaults to the start of the description'),
  priority: TicketPriority.optional(),
  relatedParty: z.array(RelatedPartyInput).max(LIMITS.items).optional(),
  '@type': z.literal('TroubleTicket').optional(),
  '@baseType': Text(LIMITS.code).optional(),
  '@schemaLocation': Text(LIMITS.line).optional(),
};

/**
 * TMF621 TroubleTicket_Create, restricted to what a ticket keeps (strict: any other attribute is a 400 naming
 * it). Mandatory as the spec has it: description, severity, ticketType; the BSS also needs the customer (a
 * relatedParty with role `customer`, ticket.open.requires_customer). `relatedEntity` role `parentCase` files
 * it under a case; relatedParty role `assignee` assigns an agent.
 */
export const Tmf621TroubleTicketCreate = z.strictObject({
  ...common,
  description: Text(LIMITS.text).min(1),
  severity: Text(LIMITS.code).min(1),
  ticketType: TicketType,
  relatedEntity: z.array(RelatedEntityInput).max(LIMITS.items).optional(),
});
export type Tmf621TroubleTicketCreate = z.infer<typeof Tmf621TroubleTicketCreate>;

/**
 * JSON merge-patch (TroubleTicket_Update subset). Fields: name, description, severity, priority, ticketType,
 * the assignee in relatedParty. `status` moves the ticket through its state machine (the one transition from
 * the current state that reaches it); `statusChangeReason` is the reason, and the resolution notes when the
 * status becomes `resolved`. The customer party and the parent case cannot change.
 */
export const Tmf621TroubleTicketPatch = z.strictObject({
  ...common,
  id: Id.optional(),
  href: Text(LIMITS.line).optional(),
  description: Text(LIMITS.text).optional(),
  severity: Text(LIMITS.code).min(1).optional(),
  ticketType: TicketType.optional(),
  status: Tmf621Status.optional(),
  statusChangeReason: Text(LIMITS.text).optional(),
  relatedEntity: z.array(RelatedEntityInput).max(LIMITS.items).optional(),
});
export type Tmf621TroubleTicketPatch = z.infer<typeof Tmf621TroubleTicketPatch>;

export const Tmf621TroubleTicketListQuery = PageQuery.extend(FieldsQuery.shape).extend({
  status: Tmf621Status.optional(),
  ticketType: TicketType.optional(),
  priority: TicketPriority.optional(),
  severity: Text(LIMITS.code).optional(),
  'relatedParty.id': Id.optional().describe('Tickets of this customer (or assigned to this agent)'),
});
export type Tmf621TroubleTicketListQuery = z.infer<typeof Tmf621TroubleTicketListQuery>;
