// Queries over provisioning.task. No business rules here; writes take the caller's transaction.
import type { provisioning } from '@bss/contracts';
import type { Executor, Tx } from '@bss/db';
import { NotFound } from '@bss/policy';
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { task, type TaskRow } from '../schema.ts';
import { currentTenant, inTenant } from './tenant.ts';

export type NewTask = Omit<typeof task.$inferInsert, 'tenantId'>;

/** Inserts the task unless (service order, task type) already has one; undefined when it existed. */
export async function insertTaskIfAbsent(tx: Tx, values: NewTask): Promise<TaskRow | undefined> {
  const [row] = await tx
    .insert(task)
    .values({ ...values, tenantId: currentTenant() })
    .onConflictDoNothing({ target: [task.serviceOrderId, task.taskType] })
    .returning();
  return row;
}

/** The NOTIFY channel on which a transaction that makes a task runnable wakes the runners (all replicas). */
export const TASK_PENDING_CHANNEL = 'bss_provisioning_task_pending';

/**
 * Wakes the runners once the caller's transaction commits: Postgres delivers a NOTIFY only at commit (and
 * drops it on rollback), so no runner looks before the pending row is visible. Duplicates within one
 * transaction fold into one notification.
 */
export async function announcePendingTask(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_notify(${TASK_PENDING_CHANNEL}, '')`);
}

export async function findTask(ex: Executor, id: string): Promise<TaskRow | undefined> {
  const [row] = await ex.select().from(task).where(and(eq(task.id, id), inTenant(task.tenantId)));
  return row;
}

const notFound = (id: string) => new NotFound('task', id, {}, { reason: 'provisioning_task.not_found', message: `Task ${id} not found` });

export async function getTask(ex: Executor, id: string): Promise<TaskRow> {
  const row = await findTask(ex, id);
  if (!row) throw notFound(id);
  return row;
}

/** The task locked for the rest of the transaction (operator actions wait for a running attempt to commit). */
export async function getTaskForUpdate(tx: Tx, id: string): Promise<TaskRow> {
  const [row] = await tx.select().from(task).where(and(eq(task.id, id), inTenant(task.tenantId))).for('update');
  if (!row) throw notFound(id);
  return row;
}

/**
 * The oldest pending task no other runner holds, locked for this transaction (any tenant). SKIP LOCKED lets
 * replicas and parallel lanes each take a different task; a crashed attempt rolls back and stays pending.
 */
export async function claimPendingTask(tx: Tx): Promise<TaskRow | undefined> {
  const [row] = await tx
    .select()
    .from(task)
    .where(eq(task.state, 'pending'))
    .orderBy(task.createdAt, task.id)
    .limit(1)
    .for('update', { skipLocked: true });
  return row;
}

export async function updateTask(tx: Tx, id: string, values: Partial<typeof task.$inferInsert>): Promise<TaskRow> {
  const [row] = await tx.update(task).set(values).where(eq(task.id, id)).returning();
  return row!;
}

export async function listTasks(ex: Executor, q: provisioning.TaskListQuery): Promise<{ rows: TaskRow[]; total: number }> {
  const conds: SQL[] = [inTenant(task.tenantId)];
  if (q.state) conds.push(eq(task.state, q.state));
  if (q.serviceOrderId) conds.push(eq(task.serviceOrderId, q.serviceOrderId));
  if (q.serviceId) conds.push(eq(task.serviceId, q.serviceId));
  if (q.taskType) conds.push(eq(task.taskType, q.taskType));
  const where = and(...conds);
  const rows = await ex.select().from(task).where(where).orderBy(desc(task.createdAt), desc(task.id)).offset(q.offset).limit(q.limit);
  const [total] = await ex.select({ n: count() }).from(task).where(where);
  return { rows, total: total?.n ?? 0 };
}
