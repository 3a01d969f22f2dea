// Queries over crm.case and crm.case_note.
import type { Executor } from '@bss/db';
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { caseNote, crmCase, ticket, type CaseNoteRow, type CaseRow } from '../schema.ts';
import { inTenant } from './tenant.ts';

export async function insertCase(tx: Executor, row: typeof crmCase.$inferInsert): Promise<CaseRow> {
  const [created] = await tx.insert(crmCase).values(row).returning();
  return created!;
}

export async function findCase(tx: Executor, id: string): Promise<CaseRow | undefined> {
  const [row] = await tx.select().from(crmCase).where(and(eq(crmCase.id, id), inTenant(crmCase.tenantId)));
  return row;
}

export async function findCaseForUpdate(tx: Executor, id: string): Promise<CaseRow | undefined> {
  const [row] = await tx.select().from(crmCase).where(and(eq(crmCase.id, id), inTenant(crmCase.tenantId))).for('update');
  return row;
}

export async function updateCase(tx: Executor, id: string, patch: Partial<typeof crmCase.$inferInsert>): Promise<CaseRow> {
  const [row] = await tx.update(crmCase).set(patch).where(eq(crmCase.id, id)).returning();
  return row!;
}

export async function insertCaseNote(tx: Executor, row: typeof caseNote.$inferInsert): Promise<CaseNoteRow> {
  const [created] = await tx.insert(caseNote).values(row).returning();
  return created!;
}

export async function listCaseNotes(tx: Executor, caseIds: string[]): Promise<CaseNoteRow[]> {
  if (caseIds.length === 0) return [];
  return tx.select().from(caseNote).where(inArray(caseNote.caseId, caseIds)).orderBy(asc(caseNote.createdAt), asc(caseNote.id));
}

/** Ticket ids and states of the given cases. */
export async function listCaseTickets(tx: Executor, caseIds: string[]): Promise<{ id: string; caseId: string | null; state: string }[]> {
  if (caseIds.length === 0) return [];
  return tx.select({ id: ticket.id, caseId: ticket.caseId, state: ticket.state }).from(ticket).where(inArray(ticket.caseId, caseIds)).orderBy(asc(ticket.seq));
}

export async function listCases(
  tx: Executor,
  q: { customerId?: string; state?: string; openedByAgentId?: string; offset: number; limit: number },
): Promise<{ rows: CaseRow[]; total: number }> {
  const where: SQL[] = [inTenant(crmCase.tenantId)];
  if (q.customerId) where.push(eq(crmCase.customerId, q.customerId));
  if (q.state) where.push(eq(crmCase.state, q.state as 'open'));
  if (q.openedByAgentId) where.push(eq(crmCase.openedByAgentId, q.openedByAgentId));
  const cond = and(...where);
  const [t] = await tx.select({ n: count() }).from(crmCase).where(cond);
  const rows = await tx.select().from(crmCase).where(cond).orderBy(desc(crmCase.openedAt), desc(crmCase.seq)).offset(q.offset).limit(q.limit);
  return { rows, total: t?.n ?? 0 };
}
