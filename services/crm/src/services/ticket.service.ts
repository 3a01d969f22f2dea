// Trouble-ticket use-cases: open, field PATCH, the state machine's action routes, reads. Every write records a
// history row (for transitions), stages its event and auto-logs an interaction, all in one transaction.
import type { crm } from '@bss/contracts';
import type { Tx } from '@bss/db';
import { NotFound } from '@bss/policy';
import { hrefBuilder } from '@bss/server-kit';
import { currentContext } from '@bss/telemetry';
import type { CrmDeps } from '../deps.ts';
import { newId } from '../domain/ids.ts';
import { TICKET_PATH, toTroubleTicket } from '../domain/ticket.mapper.ts';
import { nextTicketState, type TicketTriggerName } from '../domain/ticket.state.ts';
import { ticketEvents } from '../events/case.events.ts';
import {
  checkAckHasAgent,
  checkAgentActive,
  checkCaseAllowsTicketState,
  checkCaseOpenForNewTicket,
  checkResolutionNotes,
  checkTicketCase,
  checkTicketCustomer,
  requireTicket,
} from '../policies/ticket.policies.ts';
import { findAgent } from '../repositories/agent.repository.ts';
import { findCaseForUpdate } from '../repositories/case.repository.ts';
import { findCustomer } from '../repositories/customer.repository.ts';
import * as repo from '../repositories/ticket.repository.ts';
import type { TicketRow } from '../schema.ts';
import { logInteraction } from './interaction.service.ts';

type Changes = Record<string, { from: unknown; to: unknown }>;

/** The attributes a field update may change (both doors: /crm-api PATCH and TMF621 merge-patch). */
export type TicketFields = crm.TicketPatch & { severity?: string };

/** What one TMF621 merge-patch does to a locked ticket: field changes, then at most one trigger. */
export interface TicketUpdatePlan {
  fields: TicketFields;
  trigger?: TicketTriggerName;
  input?: { assignedToAgentId?: string; resolutionNotes?: string; reason?: string };
}

/** Field update on a locked ticket: an assignee must be an active agent; unchanged values write nothing. */
async function applyTicketFields(tx: Tx, deps: CrmDeps, t: TicketRow, input: TicketFields): Promise<TicketRow> {
  if (input.assignedToAgentId !== undefined) checkAgentActive(await findAgent(tx, input.assignedToAgentId), input.assignedToAgentId);
  const changed: Changes = {};
  const fields = {
    subject: input.subject,
    description: input.description,
    priority: input.priority,
    ticketType: input.ticketType,
    severity: input.severity,
    assignedToAgentId: input.assignedToAgentId,
  };
  for (const [k, v] of Object.entries(fields)) {
    if (v !== undefined && v !== t[k as keyof TicketRow]) changed[k] = { from: t[k as keyof TicketRow] ?? null, to: v };
  }
  if (Object.keys(changed).length === 0) return t;
  const row = await repo.updateTicket(tx, t.id, { ...Object.fromEntries(Object.entries(changed).map(([k, c]) => [k, c.to])), updatedAt: deps.clock.now() });
  await deps.outbox.stage(tx, ticketEvents.updated(t.id, changed));
  await logInteraction(tx, deps, {
    customerId: t.customerId,
    summary: `Ticket updated: ${Object.keys(changed).join(', ')}`,
    relatedTicketId: t.id,
    ...(t.caseId ? { relatedCaseId: t.caseId } : {}),
  });
  return row;
}

/** Applies one trigger to a locked ticket: guards, row update, history, event, interaction. Reused by case cancel. */
export async function applyTicketTrigger(
  tx: Tx,
  deps: CrmDeps,
  t: TicketRow,
  trigger: TicketTriggerName,
  input: { assignedToAgentId?: string; resolutionNotes?: string; reason?: string; cascade?: boolean } = {},
): Promise<TicketRow> {
  const to = nextTicketState(t.id, t.state, trigger);
  const now = deps.clock.now();
  const patch: Partial<TicketRow> = { state: to, stateChangedAt: now };
  if (trigger === 'ack') {
    const agentId = input.assignedToAgentId ?? t.assignedToAgentId;
    checkAckHasAgent(agentId, t.id);
    checkAgentActive(await findAgent(tx, agentId!), agentId!);
    patch.assignedToAgentId = agentId;
  }
  if (trigger === 'resolve') {
    checkResolutionNotes(input.resolutionNotes, t.id);
    patch.resolutionNotes = input.resolutionNotes!.trim();
    patch.resolvedAt = now;
  }
  if (to === 'closed' || to === 'cancelled') patch.closedAt = now;
  const row = await repo.updateTicket(tx, t.id, { ...patch, updatedAt: now });
  await repo.insertTicketHistory(tx, {
    ticketId: t.id,
    fromState: t.state,
    toState: to,
    trigger,
    changedByAgentId: row.assignedToAgentId,
    reason: input.reason ?? (input.cascade ? 'Parent case cancelled' : `Trigger: ${trigger}`),
    eventTime: now,
    tenantId: t.tenantId,
  });
  await deps.outbox.stage(tx, ticketEvents.transitioned(t.id, t.customerId, trigger, t.state, to, input.cascade));
  await logInteraction(tx, deps, {
    customerId: t.customerId,
    summary: `Ticket ${trigger}: ${t.state} → ${to}`,
    relatedTicketId: t.id,
    ...(t.caseId ? { relatedCaseId: t.caseId } : {}),
  });
  return row;
}

/**
 * The ticket use-cases bound to `deps`.
 *
 * Lock order (shared with case.service.ts, see DECISIONS 2026-12-01): the parent case row `FOR UPDATE` first,
 * then its ticket rows (in `seq` order when several). Creating a ticket on a case and every ticket transition
 * lock the case before the ticket; case resolve/close/cancel lock the case, then its tickets. One order means no
 * deadlock, and the case lock serialises "close the case" against "reopen/open a ticket on it", so a closed
 * case never ends up with unfinished tickets.
 */
export function ticketService(deps: CrmDeps) {
  const href = hrefBuilder(deps.config.publicBaseUrl);
  const wire = (t: TicketRow) => toTroubleTicket(t, href(TICKET_PATH, t.id));
  const locked = async (tx: Tx, id: string) => {
    const t = await repo.findTicketForUpdate(tx, id);
    requireTicket(t, id);
    return t;
  };
  /** The ticket and its parent case, locked case first. A ticket's case id never changes, so the unlocked peek is safe. */
  const lockedWithCase = async (tx: Tx, id: string) => {
    const peek = await repo.findTicket(tx, id);
    requireTicket(peek, id);
    const k = peek.caseId ? await findCaseForUpdate(tx, peek.caseId) : undefined;
    return { t: await locked(tx, id), k };
  };

  /** Opens a ticket (both doors; TMF621 adds severity) and returns the row. */
  const openRow = (input: crm.TicketCreate & { severity?: string }): Promise<TicketRow> =>
    deps.database.db.transaction(async (tx) => {
      checkTicketCustomer(await findCustomer(tx, input.customerId), input.customerId);
      if (input.caseId) {
        const k = await findCaseForUpdate(tx, input.caseId);
        checkTicketCase(k, input.caseId, input.customerId);
        checkCaseOpenForNewTicket(k);
      }
      if (input.assignedToAgentId) checkAgentActive(await findAgent(tx, input.assignedToAgentId), input.assignedToAgentId);
      const now = deps.clock.now();
      const t = await repo.insertTicket(tx, {
        id: newId('TKT'),
        caseId: input.caseId ?? null,
        customerId: input.customerId,
        ticketType: input.ticketType,
        subject: input.subject,
        description: input.description ?? null,
        state: 'open',
        priority: input.priority,
        severity: input.severity ?? null,
        assignedToAgentId: input.assignedToAgentId ?? null,
        openedAt: now,
        stateChangedAt: now,
        updatedAt: now,
        tenantId: currentContext().tenant,
      });
      await repo.insertTicketHistory(tx, { ticketId: t.id, fromState: null, toState: 'open', trigger: null, reason: 'Ticket created', eventTime: now, tenantId: t.tenantId });
      await deps.outbox.stage(tx, ticketEvents.opened(t.id, t.customerId, t.caseId, t.subject));
      await logInteraction(tx, deps, {
        customerId: t.customerId,
        summary: `Ticket opened: ${t.subject}`,
        relatedTicketId: t.id,
        ...(t.caseId ? { relatedCaseId: t.caseId } : {}),
      });
      return t;
    });

  return {
    async open(input: crm.TicketCreate): Promise<crm.TroubleTicket> {
      return wire(await openRow(input));
    },

    openRow,

    async get(id: string): Promise<crm.TroubleTicket> {
      const t = await repo.findTicket(deps.database.db, id);
      if (!t) throw new NotFound('ticket', id);
      return wire(t);
    },

    async list(q: crm.TicketListQuery): Promise<{ items: crm.TroubleTicket[]; total: number }> {
      const { rows, total } = await repo.listTickets(deps.database.db, q);
      return { items: rows.map(wire), total };
    },

    /** Field update (subject, description, priority, type, assignee); an assignee must be an active agent. */
    async patch(id: string, input: crm.TicketPatch): Promise<crm.TroubleTicket> {
      return deps.database.db.transaction(async (tx) => wire(await applyTicketFields(tx, deps, await locked(tx, id), input)));
    },

    /**
     * One merge-patch (TMF621): `plan` sees the locked ticket and returns the field changes and at most one
     * trigger, applied in that order in one transaction, case row locked before the ticket as for transitions.
     */
    async update(id: string, plan: (t: TicketRow) => TicketUpdatePlan): Promise<TicketRow> {
      return deps.database.db.transaction(async (tx) => {
        const { t, k } = await lockedWithCase(tx, id);
        const { fields, trigger, input } = plan(t);
        const row = await applyTicketFields(tx, deps, t, fields);
        if (!trigger) return row;
        checkCaseAllowsTicketState(k, row, nextTicketState(row.id, row.state, trigger));
        return applyTicketTrigger(tx, deps, row, trigger, input ?? {});
      });
    },

    /** Deletes a ticket `check` allows (given its transition count), case locked first; stages ticket.deleted. */
    async remove(id: string, check: (t: TicketRow, transitions: number) => void): Promise<void> {
      await deps.database.db.transaction(async (tx) => {
        const { t } = await lockedWithCase(tx, id);
        const history = await repo.listTicketHistory(tx, id);
        check(t, history.filter((h) => h.trigger !== null).length);
        await repo.deleteTicket(tx, id);
        await deps.outbox.stage(tx, ticketEvents.deleted(t.id, t.customerId, t.caseId, t.subject));
        // the ticket row is gone, so the log entry names it instead of linking it
        await logInteraction(tx, deps, { customerId: t.customerId, summary: `Ticket ${t.id} deleted: ${t.subject}`, ...(t.caseId ? { relatedCaseId: t.caseId } : {}) });
      });
    },

    /** A row read for the TMF621 door, which maps it itself. */
    async row(id: string): Promise<TicketRow> {
      const t = await repo.findTicket(deps.database.db, id);
      if (!t) throw new NotFound('ticket', id);
      return t;
    },

    async rows(q: Parameters<typeof repo.listTickets>[1]): Promise<{ rows: TicketRow[]; total: number }> {
      return repo.listTickets(deps.database.db, q);
    },

    async transition(id: string, trigger: TicketTriggerName, input: crm.TicketAction): Promise<crm.TroubleTicket> {
      return deps.database.db.transaction(async (tx) => {
        const { t, k } = await lockedWithCase(tx, id);
        checkCaseAllowsTicketState(k, t, nextTicketState(t.id, t.state, trigger));
        return wire(await applyTicketTrigger(tx, deps, t, trigger, input ?? {}));
      });
    },
  };
}
