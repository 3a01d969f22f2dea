// Queries over crm.interaction (append-only log of what happened with a customer).
import type { Executor } from '@bss/db';
import { and, count, desc, eq } from 'drizzle-orm';
import { interaction, type InteractionRow } from '../schema.ts';
import { inTenant } from './tenant.ts';

export async function insertInteraction(tx: Executor, row: typeof interaction.$inferInsert): Promise<InteractionRow> {
  const [created] = await tx.insert(interaction).values(row).returning();
  return created!;
}

export async function findInteraction(tx: Executor, id: string): Promise<InteractionRow | undefined> {
  const [row] = await tx.select().from(interaction).where(and(eq(interaction.id, id), inTenant(interaction.tenantId)));
  return row;
}

/** A customer's interactions, newest first, with the total. */
export async function listInteractions(
  tx: Executor,
  q: { customerId: string; offset: number; limit: number },
): Promise<{ rows: InteractionRow[]; total: number }> {
  const cond = and(eq(interaction.customerId, q.customerId), inTenant(interaction.tenantId));
  const [t] = await tx.select({ n: count() }).from(interaction).where(cond);
  const rows = await tx.select().from(interaction).where(cond).orderBy(desc(interaction.occurredAt), desc(interaction.seq)).offset(q.offset).limit(q.limit);
  return { rows, total: t?.n ?? 0 };
}
