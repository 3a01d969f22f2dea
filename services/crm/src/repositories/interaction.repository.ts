// Queries over crm.interaction (append-only log of what happened with a customer).
import type { Executor } from '@bss/db';
import { and, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
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

/** Interactions newest first, with the total of the filtered set: by customer, party (customer or agent), status, direction. */
export async function listInteractions(
  tx: Executor,
  q: { customerId?: string; 'relatedParty.id'?: string; status?: string; direction?: string; offset: number; limit: number },
): Promise<{ rows: InteractionRow[]; total: number }> {
  const where: SQL[] = [inTenant(interaction.tenantId)];
  if (q.customerId) where.push(eq(interaction.customerId, q.customerId));
  const party = q['relatedParty.id'];
  if (party) where.push(or(eq(interaction.customerId, party), eq(interaction.agentId, party))!);
  // TMF status and direction are free strings: matched case-insensitively, an unknown value matches nothing.
  if (q.status) where.push(sql`lower(${interaction.status}) = lower(${q.status})`);
  if (q.direction) where.push(sql`lower(${interaction.direction}) = lower(${q.direction})`);
  const cond = and(...where);
  const [t] = await tx.select({ n: count() }).from(interaction).where(cond);
  const rows = await tx.select().from(interaction).where(cond).orderBy(desc(interaction.occurredAt), desc(interaction.seq)).offset(q.offset).limit(q.limit);
  return { rows, total: t?.n ?? 0 };
}
