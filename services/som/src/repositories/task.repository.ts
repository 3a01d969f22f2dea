// Writes over service_inventory.provisioning_task: SOM's record of each task it requested.
import type { ProvisioningTaskType } from '@bss/contracts';
import type { Tx } from '@bss/db';
import { and, eq } from 'drizzle-orm';
import { provisioningTask, type ProvisioningTaskRow } from '../schema.ts';

export async function insertTasks(tx: Tx, rows: (typeof provisioningTask.$inferInsert)[]): Promise<ProvisioningTaskRow[]> {
  return tx.insert(provisioningTask).values(rows).returning();
}

/** Every task of a service order (locked with the order, which every writer locks first). */
export async function lockTasksOfOrder(tx: Tx, serviceOrderId: string): Promise<ProvisioningTaskRow[]> {
  return tx.select().from(provisioningTask).where(eq(provisioningTask.serviceOrderId, serviceOrderId)).for('update');
}

export async function updateTask(
  tx: Tx,
  serviceOrderId: string,
  taskType: ProvisioningTaskType,
  patch: Partial<Pick<ProvisioningTaskRow, 'state' | 'taskId' | 'lastError'>> & { updatedAt: Date },
): Promise<ProvisioningTaskRow> {
  const [row] = await tx
    .update(provisioningTask)
    .set(patch)
    .where(and(eq(provisioningTask.serviceOrderId, serviceOrderId), eq(provisioningTask.taskType, taskType)))
    .returning();
  return row!;
}
