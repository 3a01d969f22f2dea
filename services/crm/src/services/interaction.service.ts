// Interactions: `logInteraction` (the auto-log every customer-scoped write calls inside its own transaction) and the
// explicit create / list / get use-cases. Channel and actor come from the request context (X-BSS-Channel/-Actor).
import type { crm } from '@bss/contracts';
import type { Executor, Tx } from '@bss/db';
import { NotFound } from '@bss/policy';
import { hrefBuilder } from '@bss/server-kit';
import { currentContext } from '@bss/telemetry';
import type { CrmDeps } from '../deps.ts';
import { newId } from '../domain/ids.ts';
import { INTERACTION_PATH, toInteraction } from '../domain/interaction.mapper.ts';
import { checkInteractionAgent, checkInteractionCase, checkInteractionCustomer, checkInteractionTicket } from '../policies/interaction.policies.ts';
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

/** The interaction use-cases bound to `deps`. */
export function interactionService(deps: CrmDeps) {
  const href = hrefBuilder(deps.config.publicBaseUrl);
  const wire = (r: InteractionRow) => toInteraction(r, href(INTERACTION_PATH, r.id));
  return {
    /** Explicit log: references are checked (422 with a rule id), channel defaults to the context's. No event. */
    async create(input: crm.InteractionCreate): Promise<crm.Interaction> {
      return deps.database.db.transaction(async (tx) => {
        checkInteractionCustomer(await findCustomer(tx, input.customerId), input.customerId);
        if (input.agentId) checkInteractionAgent(await findAgent(tx, input.agentId), input.agentId);
        if (input.relatedCaseId) checkInteractionCase(await findCase(tx, input.relatedCaseId), input.relatedCaseId, input.customerId);
        if (input.relatedTicketId) checkInteractionTicket(await findTicket(tx, input.relatedTicketId), input.relatedTicketId, input.customerId);
        const ctx = currentContext();
        const row = await insertInteraction(tx, {
          id: newId('INT'),
          customerId: input.customerId,
          channel: input.channel ?? ctx.channel,
          direction: input.direction,
          summary: input.summary,
          body: input.body ?? null,
          actor: ctx.actor,
          agentId: input.agentId ?? null,
          relatedCaseId: input.relatedCaseId ?? null,
          relatedTicketId: input.relatedTicketId ?? null,
          occurredAt: deps.clock.now(),
          tenantId: ctx.tenant,
        });
        return wire(row);
      });
    },
    async get(id: string, tx: Executor = deps.database.db): Promise<crm.Interaction> {
      const row = await findInteraction(tx, id);
      if (!row) throw new NotFound('interaction', id);
      return wire(row);
    },
    /** Newest first; an unknown customer is a 404 rather than an empty page. */
    async list(q: crm.InteractionListQuery): Promise<{ items: crm.Interaction[]; total: number }> {
      const db = deps.database.db;
      if (!(await findCustomer(db, q.customerId))) throw new NotFound('customer', q.customerId);
      const { rows, total } = await listInteractions(db, q);
      return { items: rows.map(wire), total };
    },
  };
}
