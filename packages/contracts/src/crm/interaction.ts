// Wire shapes of customer interactions: TMF683 v4 PartyInteraction (served at the spec's own base path and at the old
// /tmf-api/customerInteractionManagement/v1/interaction alias) whose create also takes the CLI shorthand (customerId, summary, body, agentId, relatedCaseId, relatedTicketId).
import { z } from 'zod';
import { Id, Instant, LIMITS } from '../common/limits.ts';
import { FieldsQuery } from '../common/paging.ts';

// ---- TMF683 Party Interaction v4 (/tmf-api/partyInteraction/v4/partyInteraction) ----

const TimePeriod = z.object({ startDateTime: z.string().optional(), endDateTime: z.string().optional() });
const polymorphic = { '@baseType': z.string().optional(), '@schemaLocation': z.string().optional(), '@type': z.string().optional() };
/** TMF683 RelatedParty (id, href and @referredType are mandatory there). */
const RelatedParty683 = z.object({ id: z.string(), href: z.string(), name: z.string().optional(), role: z.string().optional(), ...polymorphic, '@referredType': z.string() });
/** TMF683 RelatedChannel (id and href mandatory). */
const RelatedChannel = z.object({ id: z.string(), href: z.string(), name: z.string().optional(), role: z.string().optional(), ...polymorphic, '@referredType': z.string().optional() });
const RelatedEntity = z.object({ id: z.string().optional(), href: z.string().optional(), name: z.string().optional(), role: z.string(), ...polymorphic, '@referredType': z.string().optional() });
const Note = z.object({ id: z.string().optional(), author: z.string().optional(), date: z.string().optional(), text: z.string().optional(), ...polymorphic });
const Attachment = z.object({
  id: z.string().optional(),
  href: z.string().optional(),
  attachmentType: z.string().optional(),
  content: z.string().optional(),
  description: z.string().optional(),
  mimeType: z.string().optional(),
  name: z.string().optional(),
  url: z.string().optional(),
  size: z.object({ amount: z.number().optional(), units: z.string().optional() }).optional(),
  validFor: TimePeriod.optional(),
  ...polymorphic,
  '@referredType': z.string().optional(),
});
const InteractionRelationship = z.object({ id: z.string().optional(), href: z.string().optional(), relationshipType: z.string().optional(), ...polymorphic });
const InteractionItem = z.object({
  id: z.string().optional(),
  creationDate: z.string().optional(),
  reason: z.string().optional(),
  resolution: z.string().optional(),
  attachment: z.array(Attachment).optional(),
  channel: z.array(RelatedChannel).optional(),
  item: RelatedEntity.optional(),
  itemDate: TimePeriod.optional(),
  note: z.array(Note).optional(),
  relatedParty: z.array(RelatedParty683).optional(),
  ...polymorphic,
});

const partyInteractionShape = {
  id: z.string().describe('INT-…'),
  href: z.string(),
  creationDate: z.string().describe('When CRM recorded it'),
  description: z.string().optional(),
  direction: z.string().describe('inbound | outbound'),
  reason: z.string().describe('What happened (the summary)'),
  status: z.string().describe('open | inProgress | completed (auto-logged interactions are completed)'),
  statusChangeDate: z.string().optional(),
  attachment: z.array(Attachment).optional(),
  channel: z.array(RelatedChannel).describe('The BSS channel (X-BSS-Channel) first'),
  interactionDate: TimePeriod,
  interactionItem: z.array(InteractionItem).optional().describe('Related case (@referredType Case) and ticket (TroubleTicket)'),
  interactionRelationship: z.array(InteractionRelationship).optional(),
  note: z.array(Note).optional(),
  relatedParty: z.array(RelatedParty683).describe('The customer (role customer) first, then agent and actor'),
  '@baseType': z.string().optional(),
  '@schemaLocation': z.string().optional(),
  '@type': z.literal('PartyInteraction'),
};

/** A TMF683 PartyInteraction. */
export const PartyInteraction = z.object(partyInteractionShape).meta({ id: 'PartyInteraction' });
export type PartyInteraction = z.infer<typeof PartyInteraction>;

/** A PartyInteraction under a `fields` projection. */
export const PartyInteractionFields = z
  .object(partyInteractionShape)
  .partial()
  .required({ id: true, href: true, '@type': true })
  .meta({ id: 'PartyInteractionFields' });
export type PartyInteractionFields = z.infer<typeof PartyInteractionFields>;

// Inputs: every string and list bounded.
const s = (max: number) => z.string().max(max).optional();
const polyIn = { '@baseType': s(LIMITS.code), '@schemaLocation': s(LIMITS.line), '@type': s(LIMITS.code) };
const TimePeriodIn = z.object({ startDateTime: Instant.optional(), endDateTime: Instant.optional() });
const RefIn = { id: s(LIMITS.id), href: s(LIMITS.line), name: s(LIMITS.name), role: s(LIMITS.code), ...polyIn, '@referredType': s(LIMITS.code) };
export const RelatedPartyInput = z.object({ ...RefIn, id: Id });
export type RelatedPartyInput = z.infer<typeof RelatedPartyInput>;
export const RelatedChannelInput = z.object({ ...RefIn, id: Id });
const RelatedEntityIn = z.object({ ...RefIn, role: z.string().max(LIMITS.code) });
const NoteIn = z.object({ id: s(LIMITS.id), author: s(LIMITS.name), date: Instant.optional(), text: s(LIMITS.text), ...polyIn });
const AttachmentIn = z.object({
  id: s(LIMITS.id),
  href: s(LIMITS.line),
  attachmentType: s(LIMITS.code),
  content: z.string().max(LIMITS.text).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64').optional(),
  description: s(LIMITS.line),
  mimeType: s(LIMITS.code),
  name: s(LIMITS.name),
  url: s(LIMITS.line),
  size: z.object({ amount: z.number().min(0).optional(), units: s(LIMITS.code) }).optional(),
  validFor: TimePeriodIn.optional(),
  ...polyIn,
  '@referredType': s(LIMITS.code),
});
const InteractionRelationshipIn = z.object({ id: s(LIMITS.id), href: s(LIMITS.line), relationshipType: s(LIMITS.code), ...polyIn });
export const InteractionItemInput = z.object({
  id: s(LIMITS.id),
  creationDate: Instant.optional(),
  reason: s(LIMITS.line),
  resolution: s(LIMITS.line),
  attachment: z.array(AttachmentIn).max(10).optional(),
  channel: z.array(RelatedChannelInput).max(10).optional(),
  item: RelatedEntityIn.optional(),
  itemDate: TimePeriodIn.optional(),
  note: z.array(NoteIn).max(LIMITS.items).optional(),
  relatedParty: z.array(RelatedPartyInput).max(LIMITS.items).optional(),
  ...polyIn,
});
export type InteractionItemInput = z.infer<typeof InteractionItemInput>;

/**
 * Create body: the official TMF683 `PartyInteraction_Create` (reason, direction, status, channel[], interactionDate,
 * relatedParty[] naming the Customer, interactionItem[] naming a Case / TroubleTicket, …) or the CLI shorthand of
 * `InteractionCreate` (customerId, summary, …). Both may be mixed; the TMF attribute wins.
 */
export const PartyInteractionCreate = z.object({
  reason: s(LIMITS.line),
  description: s(LIMITS.text),
  direction: z.enum(['inbound', 'outbound']).optional(),
  status: z.enum(['open', 'opened', 'inProgress', 'completed']).optional(),
  statusChangeDate: Instant.optional(),
  creationDate: Instant.optional().describe('Ignored: CRM records when it created the interaction'),
  interactionDate: TimePeriodIn.optional(),
  channel: z.array(RelatedChannelInput).max(10).optional(),
  relatedParty: z.array(RelatedPartyInput).max(LIMITS.items).optional(),
  interactionItem: z.array(InteractionItemInput).max(LIMITS.items).optional(),
  interactionRelationship: z.array(InteractionRelationshipIn).max(LIMITS.items).optional(),
  note: z.array(NoteIn).max(LIMITS.items).optional(),
  attachment: z.array(AttachmentIn).max(10).optional(),
  ...polyIn,
  // The CLI shorthand (InteractionCreate).
  customerId: s(LIMITS.id),
  summary: z.string().min(1).max(LIMITS.line).optional(),
  body: s(LIMITS.text),
  agentId: s(LIMITS.id),
  relatedCaseId: s(LIMITS.id),
  relatedTicketId: s(LIMITS.id),
});
export type PartyInteractionCreate = z.infer<typeof PartyInteractionCreate>;

/** PATCH body (TMF683 PartyInteraction_Update): accepted for the policy to refuse, interactions are append-only. */
export const PartyInteractionPatch = z.object({ reason: s(LIMITS.line), description: s(LIMITS.text), status: s(LIMITS.code) }).loose();

/** List filters: by customer (as before) or tenant-wide, with TMF attribute filters and `fields`. */
export const PartyInteractionListQuery = z.object({
  customerId: z.string().min(1).max(LIMITS.id).optional().describe('Interactions of this customer (404 when unknown)'),
  'relatedParty.id': z.string().min(1).max(LIMITS.id).optional().describe('Customer or agent id'),
  status: z.string().min(1).max(LIMITS.code).optional(),
  direction: z.string().min(1).max(LIMITS.code).optional(),
  fields: FieldsQuery.shape.fields,
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});
export type PartyInteractionListQuery = z.infer<typeof PartyInteractionListQuery>;
