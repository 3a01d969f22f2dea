// Queries over crm.ticket and crm.ticket_state_history.
import type { Executor } from '@bss/db';
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { ticket, ticketStateHistory, type TicketRow } from '../schema.ts';
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
  q: { customerId?: string; caseId?: string; status?: string; assignedToAgentId?: string; offset: number; limit: number },
): Promise<{ rows: TicketRow[]; total: number }> {
  const where: SQL[] = [inTenant(ticket.tenantId)];
  if (q.customerId) where.push(eq(ticket.customerId, q.customerId));
  if (q.caseId) where.push(eq(ticket.caseId, q.caseId));
  if (q.status) where.push(eq(ticket.state, q.status as 'open'));
  if (q.assignedToAgentId) where.push(eq(ticket.assignedToAgentId, q.assignedToAgentId));
  const cond = and(...where);
  const [t] = await tx.select({ n: count() }).from(ticket).where(cond);
  const rows = await tx.select().from(ticket).where(cond).orderBy(desc(ticket.openedAt), desc(ticket.seq)).offset(q.offset).limit(q.limit);
  return { rows, total: t?.n ?? 0 };
}
