// Row → TMF683-style Interaction (camelCase, absolute href, @type; optional attributes omitted).
import type { crm } from '@bss/contracts';
import { omitEmpty } from '@bss/server-kit';
import type { InteractionRow } from '../schema.ts';

export const INTERACTION_PATH = '/tmf-api/customerInteractionManagement/v1/interaction';

export function toInteraction(r: InteractionRow, href: string): crm.Interaction {
  return omitEmpty({
    id: r.id,
    href,
    customerId: r.customerId,
    channel: r.channel,
    direction: r.direction,
    summary: r.summary,
    body: r.body,
    actor: r.actor,
    agentId: r.agentId,
    relatedCaseId: r.relatedCaseId,
    relatedTicketId: r.relatedTicketId,
    occurredAt: r.occurredAt.toISOString(),
    '@type': 'Interaction' as const,
  });
}
