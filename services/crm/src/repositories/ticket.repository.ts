// Queries over crm.ticket and crm.ticket_state_history.
import type { Executor } from '@bss/db';
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { interaction, ticket, ticketStateHistory, type TicketRow } from '../schema.ts';
import { inTenant } from './tenant.ts';

export async function insertTicket(tx: Executor, row: typeof ticket.$inferInsert): Promise<TicketRow> {
  const [created] = await tx.insert(ticket).values(row).returning();
  return created!;
}

export async function findTicket(tx: Executor, id: string): Promise<TicketRow | undefined> {
  const [row] = await tx.select().from(ticket).where(and(eq(ticket.id, id), inTenant(ticket.tenantId)));
  return row;
}

export async function findTicketForUpdate(tx: Executor, id: string): Promise<TicketRow | undefined> {
  const [row] = await tx.select().from(ticket).where(and(eq(ticket.id, id), inTenant(ticket.tenantId))).for('update');
  return row;
}

export async function updateTicket(tx: Executor, id: string, patch: Partial<typeof ticket.$inferInsert>): Promise<TicketRow> {
  const [row] = await tx.update(ticket).set(patch).where(eq(ticket.id, id)).returning();
  return row!;
}

/** The case's tickets in any of `states`, locked in `seq` order (the case cancel cascade updates them). Lock the case first. */
export async function listCaseTicketsInStatesForUpdate(tx: Executor, caseId: string, states: string[]): Promise<TicketRow[]> {
  return tx.select().from(ticket).where(and(eq(ticket.caseId, caseId), inArray(ticket.state, states as 'open'[]))).orderBy(asc(ticket.seq)).for('update');
}

/** Every ticket of the case, locked in `seq` order, so no ticket changes state while a case guard reads them. Lock the case first. */
export async function listCaseTicketsForUpdate(tx: Executor, caseId: string): Promise<TicketRow[]> {
  return tx.select().from(ticket).where(eq(ticket.caseId, caseId)).orderBy(asc(ticket.seq)).for('update');
}

export async function insertTicketHistory(tx: Executor, row: typeof ticketStateHistory.$inferInsert): Promise<void> {
  await tx.insert(ticketStateHistory).values(row);
}

export async function listTicketHistory(tx: Executor, ticketId: string) {
  return tx.select().from(ticketStateHistory).where(eq(ticketStateHistory.ticketId, ticketId)).orderBy(ticketStateHistory.id);
}

export async function listTickets(
  tx: Executor,
  q: {
    customerId?: string;
    caseId?: string;
    status?: string;
    /** any of these states (the TMF status filter); an empty list matches nothing */
    states?: readonly string[];
    ticketType?: string;
    priority?: string;
    severity?: string;
    /** the customer or the assignee */
    partyId?: string;
    assignedToAgentId?: string;
    offset: number;
    limit: number;
  },
): Promise<{ rows: TicketRow[]; total: number }> {
  const where: SQL[] = [inTenant(ticket.tenantId)];
  if (q.customerId) where.push(eq(ticket.customerId, q.customerId));
  if (q.caseId) where.push(eq(ticket.caseId, q.caseId));
  if (q.status) where.push(eq(ticket.state, q.status as 'open'));
  if (q.assignedToAgentId) where.push(eq(ticket.assignedToAgentId, q.assignedToAgentId));
  if (q.states) where.push(q.states.length ? inArray(ticket.state, q.states as 'open'[]) : sql`false`);
  if (q.ticketType) where.push(eq(ticket.ticketType, q.ticketType as 'configuration'));
  if (q.priority) where.push(eq(ticket.priority, q.priority as 'normal'));
  if (q.severity) where.push(eq(ticket.severity, q.severity));
  if (q.partyId) where.push(or(eq(ticket.customerId, q.partyId), eq(ticket.assignedToAgentId, q.partyId))!);
  const cond = and(...where);
  const [t] = await tx.select({ n: count() }).from(ticket).where(cond);
  const rows = await tx.select().from(ticket).where(cond).orderBy(desc(ticket.openedAt), desc(ticket.seq)).offset(q.offset).limit(q.limit);
  return { rows, total: t?.n ?? 0 };
}

/**
 * Removes a ticket with its history (TMF621 DELETE of a never-worked ticket). The interactions that mention it
 * stay in the customer's log, unlinked (their summary still names it); the outbox keeps the ticket's events.
 */
export async function deleteTicket(tx: Executor, id: string): Promise<void> {
  await tx.update(interaction).set({ relatedTicketId: null }).where(eq(interaction.relatedTicketId, id));
  await tx.delete(ticketStateHistory).where(eq(ticketStateHistory.ticketId, id));
  await tx.delete(ticket).where(eq(ticket.id, id));
}
