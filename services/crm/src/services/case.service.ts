// Case use-cases: open, state triggers (PATCH trigger, POST close = resolve-if-legal then close), field updates,
// notes, reads. Cancel cascades to the case's unfinished tickets in the same transaction.
import type { crm } from '@bss/contracts';
import type { Executor, Tx } from '@bss/db';
import { currentContext } from '@bss/telemetry';
import type { CrmDeps } from '../deps.ts';
import { toCase } from '../domain/case.mapper.ts';
import { caseMachine, nextCaseState, type CaseTriggerName } from '../domain/case.state.ts';
import { newId } from '../domain/ids.ts';
import { caseEvents } from '../events/case.events.ts';
import {
  checkAllTicketsDone,
  checkCaseCategory,
  checkCaseCustomerActive,
  checkCaseNotClosedForNote,
  checkCaseNotClosedForUpdate,
  checkCasePriority,
  checkResolutionCode,
  requireCase,
} from '../policies/case.policies.ts';
import { checkAgentActive } from '../policies/ticket.policies.ts';
import { findAgent } from '../repositories/agent.repository.ts';
import * as repo from '../repositories/case.repository.ts';
import { findCustomer } from '../repositories/customer.repository.ts';
import { listCaseTicketsForUpdate, listCaseTicketsInStatesForUpdate } from '../repositories/ticket.repository.ts';
import type { CaseRow } from '../schema.ts';
import { logInteraction } from './interaction.service.ts';
import { applyTicketTrigger } from './ticket.service.ts';

const UNFINISHED_TICKET_STATES = ['open', 'acknowledged', 'in_progress', 'pending'];

/** The case use-cases bound to `deps`. */
export function caseService(deps: CrmDeps) {
  const load = async (tx: Executor, k: CaseRow): Promise<crm.Case> =>
    toCase(k, await repo.listCaseNotes(tx, [k.id]), (await repo.listCaseTickets(tx, [k.id])).map((t) => t.id));
  const locked = async (tx: Tx, id: string) => {
    const k = await repo.findCaseForUpdate(tx, id);
    requireCase(k, id);
    return k;
  };

  /**
   * One trigger on a locked case, with its guards, cascade, event and interaction. Lock order: the case row is
   * already locked; its tickets are locked next (see ticket.service.ts). `close` re-checks the tickets too: a
   * ticket reopened while the case sat in `resolved` must still block the close.
   */
  async function applyTrigger(tx: Tx, k: CaseRow, trigger: CaseTriggerName, resolutionCode?: string): Promise<CaseRow> {
    const to = nextCaseState(k.id, k.state, trigger);
    if (trigger === 'resolve' || trigger === 'close') checkAllTicketsDone(k.id, await listCaseTicketsForUpdate(tx, k.id));
    if (trigger === 'close') checkResolutionCode(resolutionCode ?? k.resolutionCode, k.id);
    const now = deps.clock.now();
    if (trigger === 'cancel') {
      for (const t of await listCaseTicketsInStatesForUpdate(tx, k.id, UNFINISHED_TICKET_STATES)) {
        await applyTicketTrigger(tx, deps, t, 'cancel', { cascade: true });
      }
    }
    const row = await repo.updateCase(tx, k.id, {
      state: to,
      ...(resolutionCode ? { resolutionCode } : {}),
      ...(to === 'closed' ? { closedAt: now } : {}),
      updatedAt: now,
    });
    await deps.outbox.stage(tx, caseEvents.transitioned(k.id, k.customerId, trigger, k.state, to));
    await logInteraction(tx, deps, { customerId: k.customerId, summary: `Case ${trigger}: ${k.state} → ${to}`, relatedCaseId: k.id });
    return row;
  }

  return {
    async open(input: crm.CaseOpen): Promise<crm.Case> {
      return deps.database.db.transaction(async (tx) => {
        checkCaseCustomerActive(await findCustomer(tx, input.customerId), input.customerId);
        checkCasePriority(input.priority, 'open');
        checkCaseCategory(input.category, 'open');
        if (input.openedByAgentId) checkAgentActive(await findAgent(tx, input.openedByAgentId), input.openedByAgentId, 'case.open.agent_must_be_active');
        const k = await repo.insertCase(tx, {
          id: newId('CASE'),
          customerId: input.customerId,
          subject: input.subject,
          description: input.description ?? null,
          state: 'open',
          priority: input.priority,
          category: input.category,
          openedByAgentId: input.openedByAgentId ?? null,
          openedAt: deps.clock.now(),
          chatTranscriptHash: input.chatTranscriptHash ?? null,
          tenantId: currentContext().tenant,
        });
        await deps.outbox.stage(tx, caseEvents.opened(k.id, k.customerId, k.subject));
        await logInteraction(tx, deps, { customerId: k.customerId, summary: `Case opened: ${k.subject}`, relatedCaseId: k.id });
        return load(tx, k);
      });
    },

    async get(id: string): Promise<crm.Case> {
      const db = deps.database.db;
      const k = await repo.findCase(db, id);
      requireCase(k, id);
      return load(db, k);
    },

    async list(q: crm.CaseListQuery): Promise<{ items: crm.Case[]; total: number }> {
      const db = deps.database.db;
      const { rows, total } = await repo.listCases(db, q);
      const ids = rows.map((r) => r.id);
      const [notes, tickets] = await Promise.all([repo.listCaseNotes(db, ids), repo.listCaseTickets(db, ids)]);
      const items = rows.map((k) => toCase(k, notes.filter((n) => n.caseId === k.id), tickets.filter((t) => t.caseId === k.id).map((t) => t.id)));
      return { items, total };
    },

    /** Trigger first (with its resolution code), then priority/category on a case that is not closed. */
    async patch(id: string, input: crm.CasePatch): Promise<crm.Case> {
      return deps.database.db.transaction(async (tx) => {
        let k = await locked(tx, id);
        if (input.trigger) k = await applyTrigger(tx, k, input.trigger, input.resolutionCode);
        if (input.priority !== undefined || input.category !== undefined) {
          checkCaseNotClosedForUpdate(k);
          checkCasePriority(input.priority, 'update');
          checkCaseCategory(input.category, 'update');
          const changed: Record<string, { from: unknown; to: unknown }> = {};
          if (input.priority !== undefined && input.priority !== k.priority) changed.priority = { from: k.priority, to: input.priority };
          if (input.category !== undefined && input.category !== k.category) changed.category = { from: k.category, to: input.category };
          if (Object.keys(changed).length > 0) {
            k = await repo.updateCase(tx, id, { priority: input.priority ?? k.priority, category: input.category ?? k.category, updatedAt: deps.clock.now() });
            await deps.outbox.stage(tx, caseEvents.updated(id, changed));
            await logInteraction(tx, deps, { customerId: k.customerId, summary: `Case updated: ${Object.keys(changed).join(', ')}`, relatedCaseId: id });
          }
        }
        return load(tx, k);
      });
    },

    /** Convenience close: runs `resolve` first when it is legal from the current state, then `close`. */
    async close(id: string, input: crm.CaseClose): Promise<crm.Case> {
      return deps.database.db.transaction(async (tx) => {
        let k = await locked(tx, id);
        const code = input?.resolutionCode;
        checkResolutionCode(code ?? k.resolutionCode, id);
        if (caseMachine.next(k.state, 'resolve')) k = await applyTrigger(tx, k, 'resolve', code);
        k = await applyTrigger(tx, k, 'close', code);
        return load(tx, k);
      });
    },

    async addNote(id: string, input: crm.CaseNoteCreate): Promise<crm.CaseNote> {
      return deps.database.db.transaction(async (tx) => {
        const k = await locked(tx, id);
        checkCaseNotClosedForNote(k);
        if (input.authorAgentId) checkAgentActive(await findAgent(tx, input.authorAgentId), input.authorAgentId, 'case.add_note.agent_must_be_active');
        const note = await repo.insertCaseNote(tx, {
          id: newId('NOTE'),
          caseId: id,
          authorAgentId: input.authorAgentId ?? null,
          body: input.body,
          createdAt: deps.clock.now(),
          tenantId: k.tenantId,
        });
        await deps.outbox.stage(tx, caseEvents.noteAdded(id, note.id));
        await logInteraction(tx, deps, { customerId: k.customerId, summary: 'Case note added', relatedCaseId: id });
        return (await load(tx, k)).notes.find((n) => n.id === note.id)!;
      });
    },
  };
}
