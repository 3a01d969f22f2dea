// Interactions: `logInteraction` (the auto-log every customer-scoped write calls inside its own transaction) and the
// TMF683 use-cases: explicit create / list / get, and the refused rewrites (the log is append-only). Channel and
// actor come from the request context (X-BSS-Channel/-Actor) unless a create names its channel.
import type { crm } from '@bss/contracts';
import type { Executor, Tx } from '@bss/db';
import { NotFound } from '@bss/policy';
import { hrefBuilder } from '@bss/server-kit';
import { currentContext } from '@bss/telemetry';
import type { CrmDeps } from '../deps.ts';
import { newId } from '../domain/ids.ts';
import { normalizeInteractionCreate, toPartyInteraction } from '../domain/interaction.mapper.ts';
import { checkInteractionAgent, checkInteractionCase, checkInteractionCustomer, checkInteractionTicket, refuseInteractionRewrite } from '../policies/interaction.policies.ts';
import { findAgent } from '../repositories/agent.repository.ts';
import { findCase } from '../repositories/case.repository.ts';
import { findCustomer } from '../repositories/customer.repository.ts';
import { findInteraction, insertInteraction, listInteractions } from '../repositories/interaction.repository.ts';
import { findTicket } from '../repositories/ticket.repository.ts';
import type { InteractionRow } from '../schema.ts';

/** What an auto-logged interaction records. */
export interface LogInteractionInput {
  customerId: string;
  summary: string;
  body?: string;
  direction?: 'inbound' | 'outbound';
  agentId?: string;
  relatedCaseId?: string;
  relatedTicketId?: string;
}

/** Logs an interaction in the caller's transaction; channel/actor/tenant from the current request context. */
export async function logInteraction(tx: Tx, deps: Pick<CrmDeps, 'clock'>, input: LogInteractionInput): Promise<InteractionRow> {
  const ctx = currentContext();
  return insertInteraction(tx, {
    id: newId('INT'),
    customerId: input.customerId,
    channel: ctx.channel,
    direction: input.direction ?? 'inbound',
    summary: input.summary,
    body: input.body ?? null,
    actor: ctx.actor,
    agentId: input.agentId ?? null,
    relatedCaseId: input.relatedCaseId ?? null,
    relatedTicketId: input.relatedTicketId ?? null,
    occurredAt: deps.clock.now(),
    tenantId: ctx.tenant,
  });
}

/** The interaction use-cases bound to `deps`; `basePath` is the path the request came in on (hrefs follow it). */
export function interactionService(deps: CrmDeps) {
  const href = hrefBuilder(deps.config.publicBaseUrl);
  const wire = (r: InteractionRow, basePath: string) => toPartyInteraction(r, href, basePath);
  const requireInteraction = async (id: string, tx: Executor = deps.database.db) => {
    const row = await findInteraction(tx, id);
    if (!row) throw new NotFound('interaction', id);
    return row;
  };
  return {
    /** Explicit log (TMF683 or shorthand): references are checked (422 with a rule id). No event. */
    async create(input: crm.PartyInteractionCreate, basePath: string): Promise<crm.PartyInteraction> {
      const n = normalizeInteractionCreate(input);
      return deps.database.db.transaction(async (tx) => {
        checkInteractionCustomer(await findCustomer(tx, n.customerId), n.customerId);
        if (n.agentId) checkInteractionAgent(await findAgent(tx, n.agentId), n.agentId);
        if (n.relatedCaseId) checkInteractionCase(await findCase(tx, n.relatedCaseId), n.relatedCaseId, n.customerId);
        if (n.relatedTicketId) checkInteractionTicket(await findTicket(tx, n.relatedTicketId), n.relatedTicketId, n.customerId);
        const ctx = currentContext();
        const row = await insertInteraction(tx, {
          id: newId('INT'),
          customerId: n.customerId,
          channel: n.channel ?? ctx.channel,
          direction: n.direction,
          summary: n.summary,
          body: n.body,
          actor: ctx.actor,
          agentId: n.agentId,
          relatedCaseId: n.relatedCaseId,
          relatedTicketId: n.relatedTicketId,
          occurredAt: deps.clock.now(),
          status: n.status,
          interactionStart: n.interactionStart,
          interactionEnd: n.interactionEnd,
          tmfExtra: n.extra,
          tenantId: ctx.tenant,
        });
        return wire(row, basePath);
      });
    },
    async get(id: string, basePath: string): Promise<crm.PartyInteraction> {
      return wire(await requireInteraction(id), basePath);
    },
    /** Newest first, filtered; naming an unknown customer is a 404 rather than an empty page. */
    async list(q: Omit<crm.PartyInteractionListQuery, 'fields'>, basePath: string): Promise<{ items: crm.PartyInteraction[]; total: number }> {
      const db = deps.database.db;
      if (q.customerId && !(await findCustomer(db, q.customerId))) throw new NotFound('customer', q.customerId);
      const { rows, total } = await listInteractions(db, q);
      return { items: rows.map((r) => wire(r, basePath)), total };
    },
    /** TMF683 PATCH: 404 when unknown, else refused (interaction.update.append_only). */
    async patch(id: string): Promise<never> {
      refuseInteractionRewrite('update', (await requireInteraction(id)).id);
    },
    /** TMF683 DELETE: 404 when unknown, else refused (interaction.delete.append_only). */
    async remove(id: string): Promise<never> {
      refuseInteractionRewrite('delete', (await requireInteraction(id)).id);
    },
  };
}
