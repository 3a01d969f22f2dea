// Interaction row ↔ TMF683 v4 PartyInteraction (absolute hrefs, @type; optional attributes omitted).
//
// Mapping (issue #9): reason = summary, description = body, channel[0] = the BSS channel (X-BSS-Channel or the
// client's first RelatedChannel), relatedParty = the customer (role customer), then the agent and the request's
// actor; interactionItem = the related case (@referredType Case) and ticket (TroubleTicket). Nothing CRM serves
// stands behind a channel or an actor, so their hrefs are URNs (`urn:bss:channel:cli`). Whatever else a client
// sends (notes, attachments, relationships, further channels/parties/items, statusChangeDate) is kept verbatim
// in `tmf_extra` and served back after the mapped entries.
import type { crm } from '@bss/contracts';
import { ValidationFailed } from '@bss/policy';
import { omitEmpty } from '@bss/server-kit';
import type { InteractionRow } from '../schema.ts';
import { CUSTOMER_PATH } from './customer.mapper.ts';
import { TICKET_PATH } from './ticket.mapper.ts';

/** TMF683 v4 base path (the specification's own). */
export const PARTY_INTERACTION_PATH = '/tmf-api/partyInteraction/v4/partyInteraction';
/** The path interactions were served at before TMF683 v4; kept as an alias with the same operations and shapes. */
export const INTERACTION_PATH = '/tmf-api/customerInteractionManagement/v1/interaction';

const CASE_PATH = '/crm-api/v1/case';
const AGENT_PATH = '/crm-api/v1/agent';
const CHANNEL = /^[\w.:-]{1,64}$/;

type Href = (path: string, id: string) => string;
type Extra = Pick<crm.PartyInteractionCreate, 'note' | 'attachment' | 'interactionRelationship' | 'channel' | 'relatedParty' | 'interactionItem' | 'statusChangeDate'>;

/** What an explicit create stores (after its references were checked). */
export interface NormalizedInteraction {
  customerId: string;
  summary: string;
  body: string | null;
  channel: string | undefined;
  direction: 'inbound' | 'outbound';
  status: string;
  agentId: string | null;
  relatedCaseId: string | null;
  relatedTicketId: string | null;
  interactionStart: Date | null;
  interactionEnd: Date | null;
  extra: Record<string, unknown> | null;
}

const isType = (x: { role?: string; '@referredType'?: string }, type: string) =>
  x['@referredType']?.toLowerCase() === type.toLowerCase() || x.role?.toLowerCase() === type.toLowerCase();

/** TMF683 create (or shorthand) → what CRM stores; 400 when the customer or the reason cannot be read. */
export function normalizeInteractionCreate(input: crm.PartyInteractionCreate): NormalizedInteraction {
  const parties = [...(input.relatedParty ?? [])];
  const customerIdx = parties.findIndex((p) => isType(p, 'customer'));
  const customerId = input.customerId ?? (customerIdx >= 0 ? parties[customerIdx]!.id : undefined);
  if (customerIdx >= 0) parties.splice(customerIdx, 1);
  if (!customerId) throw new ValidationFailed('interaction.create.customer_required', 'name the customer: a relatedParty with @referredType Customer (or customerId)');
  const agentIdx = parties.findIndex((p) => isType(p, 'agent'));
  const agentId = input.agentId ?? (agentIdx >= 0 ? parties[agentIdx]!.id : undefined);
  if (agentIdx >= 0) parties.splice(agentIdx, 1);

  const summary = input.reason ?? input.summary;
  if (!summary) throw new ValidationFailed('interaction.create.reason_required', 'reason (or summary) is required');

  const channels = [...(input.channel ?? [])];
  const first = channels.shift();
  const channel = first ? (first.name ?? first.id) : undefined;
  if (channel !== undefined && !CHANNEL.test(channel)) {
    throw new ValidationFailed('interaction.create.channel_invalid', 'the first channel name must be a BSS channel token ([A-Za-z0-9_.:-], ≤64)', { channel });
  }

  const items = [...(input.interactionItem ?? [])];
  const take = (type: string) => {
    const i = items.findIndex((x) => x.item && isType({ '@referredType': x.item['@referredType'] }, type) && x.item.id);
    return i >= 0 ? items.splice(i, 1)[0]!.item!.id! : undefined;
  };
  const relatedCaseId = input.relatedCaseId ?? take('Case') ?? null;
  const relatedTicketId = input.relatedTicketId ?? take('TroubleTicket') ?? null;

  const extra: Extra = omitEmpty({
    note: input.note?.length ? input.note : undefined,
    attachment: input.attachment?.length ? input.attachment : undefined,
    interactionRelationship: input.interactionRelationship?.length ? input.interactionRelationship : undefined,
    channel: channels.length ? channels : undefined,
    relatedParty: parties.length ? parties : undefined,
    interactionItem: items.length ? items : undefined,
    statusChangeDate: input.statusChangeDate,
  });
  return {
    customerId,
    summary,
    body: input.description ?? input.body ?? null,
    channel,
    direction: input.direction ?? 'inbound',
    status: input.status ?? 'completed',
    agentId: agentId ?? null,
    relatedCaseId,
    relatedTicketId,
    interactionStart: input.interactionDate?.startDateTime ? new Date(input.interactionDate.startDateTime) : null,
    interactionEnd: input.interactionDate?.endDateTime ? new Date(input.interactionDate.endDateTime) : null,
    extra: Object.keys(extra).length > 0 ? extra : null,
  };
}

/** Row → TMF683 PartyInteraction. */
export function toPartyInteraction(r: InteractionRow, href: Href, basePath: string): crm.PartyInteraction {
  const extra = (r.tmfExtra ?? {}) as Extra;
  const relatedParty: crm.PartyInteraction['relatedParty'] = [{ id: r.customerId, href: href(CUSTOMER_PATH, r.customerId), role: 'customer', '@referredType': 'Customer' }];
  if (r.agentId) relatedParty.push({ id: r.agentId, href: href(AGENT_PATH, r.agentId), role: 'agent', '@referredType': 'Agent' });
  if (r.actor) relatedParty.push({ id: r.actor, href: `urn:bss:actor:${encodeURIComponent(r.actor)}`, role: 'actor', '@referredType': 'Actor' });
  const items: NonNullable<crm.PartyInteraction['interactionItem']> = [];
  if (r.relatedCaseId) items.push({ item: { id: r.relatedCaseId, href: href(CASE_PATH, r.relatedCaseId), role: 'relatedCase', '@referredType': 'Case' } });
  if (r.relatedTicketId) items.push({ item: { id: r.relatedTicketId, href: href(TICKET_PATH, r.relatedTicketId), role: 'relatedTicket', '@referredType': 'TroubleTicket' } });
  const start = (r.interactionStart ?? r.occurredAt).toISOString();
  const allItems = [...items, ...((extra.interactionItem ?? []) as NonNullable<crm.PartyInteraction['interactionItem']>)];
  return omitEmpty({
    id: r.id,
    href: href(basePath, r.id),
    creationDate: r.occurredAt.toISOString(),
    description: r.body,
    direction: r.direction,
    reason: r.summary,
    status: r.status,
    statusChangeDate: extra.statusChangeDate ?? r.occurredAt.toISOString(),
    attachment: extra.attachment as crm.PartyInteraction['attachment'],
    channel: [{ id: r.channel, href: `urn:bss:channel:${encodeURIComponent(r.channel)}`, name: r.channel, '@referredType': 'Channel' }, ...((extra.channel ?? []) as crm.PartyInteraction['channel'])],
    interactionDate: omitEmpty({ startDateTime: start, endDateTime: r.interactionEnd?.toISOString() }),
    interactionItem: allItems.length > 0 ? allItems : undefined,
    interactionRelationship: extra.interactionRelationship as crm.PartyInteraction['interactionRelationship'],
    note: extra.note as crm.PartyInteraction['note'],
    relatedParty: [...relatedParty, ...((extra.relatedParty ?? []) as crm.PartyInteraction['relatedParty'])],
    '@type': 'PartyInteraction' as const,
  });
}
