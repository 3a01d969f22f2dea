// Queries over crm.agent (seeded reference data).
import type { Executor } from '@bss/db';
import { asc, count, eq } from 'drizzle-orm';
import { agent, type AgentRow } from '../schema.ts';

export async function findAgent(tx: Executor, id: string): Promise<AgentRow | undefined> {
  const [row] = await tx.select().from(agent).where(eq(agent.id, id));
  return row;
}

export async function listAgents(tx: Executor, q: { status?: 'active' | 'terminated'; offset: number; limit: number }): Promise<{ rows: AgentRow[]; total: number }> {
  const cond = q.status ? eq(agent.status, q.status) : undefined;
  const [t] = await tx.select({ n: count() }).from(agent).where(cond);
  const rows = await tx.select().from(agent).where(cond).orderBy(asc(agent.id)).offset(q.offset).limit(q.limit);
  return { rows, total: t?.n ?? 0 };
}
