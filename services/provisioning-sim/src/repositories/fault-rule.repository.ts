// Queries over provisioning.fault_rule: simulator configuration, not tenant data (the network is shared).
import type { Executor, Tx } from '@bss/db';
import { NotFound } from '@bss/policy';
import { asc, count, eq } from 'drizzle-orm';
import { faultRule, type FaultRuleRow } from '../schema.ts';

const notFound = (id: string) =>
  new NotFound('fault', id, {}, { reason: 'provisioning.fault_injection.not_found', message: `Fault injection rule ${id} not found` });

export async function insertFaultRule(tx: Tx, values: typeof faultRule.$inferInsert): Promise<FaultRuleRow> {
  const [row] = await tx.insert(faultRule).values(values).returning();
  return row!;
}

export async function getFaultRule(ex: Executor, id: string): Promise<FaultRuleRow> {
  const [row] = await ex.select().from(faultRule).where(eq(faultRule.id, id));
  if (!row) throw notFound(id);
  return row;
}

export async function getFaultRuleForUpdate(tx: Tx, id: string): Promise<FaultRuleRow> {
  const [row] = await tx.select().from(faultRule).where(eq(faultRule.id, id)).for('update');
  if (!row) throw notFound(id);
  return row;
}

export async function updateFaultRule(tx: Tx, id: string, values: Partial<typeof faultRule.$inferInsert>): Promise<FaultRuleRow> {
  const [row] = await tx.update(faultRule).set(values).where(eq(faultRule.id, id)).returning();
  return row!;
}

export async function deleteFaultRule(tx: Tx, id: string): Promise<void> {
  await tx.delete(faultRule).where(eq(faultRule.id, id));
}

const oldestFirst = [asc(faultRule.seq)];

/** Every rule, oldest first (the order `applicableRule` breaks ties in): what the runner decides from. */
export async function listAllFaultRules(ex: Executor): Promise<FaultRuleRow[]> {
  return ex.select().from(faultRule).orderBy(...oldestFirst);
}

/** A page of rules, oldest first, with the total. */
export async function listFaultRules(ex: Executor, page: { offset: number; limit: number }): Promise<{ rows: FaultRuleRow[]; total: number }> {
  const rows = await ex.select().from(faultRule).orderBy(...oldestFirst).offset(page.offset).limit(page.limit);
  const [total] = await ex.select({ n: count() }).from(faultRule);
  return { rows, total: total?.n ?? 0 };
}
