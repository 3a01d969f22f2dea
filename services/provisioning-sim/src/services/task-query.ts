// Reads of tasks (no policies): the /provisioning-api view and the TMF640 one share them.
import type { provisioning } from '@bss/contracts';
import type { ProvisioningDeps } from '../deps.ts';
import { getTask, listTasks } from '../repositories/task.repository.ts';
import type { TaskRow } from '../schema.ts';

export function createTaskQuery(deps: ProvisioningDeps) {
  const { db } = deps.database;
  return {
    get: (taskId: string): Promise<TaskRow> => getTask(db, taskId),
    list: (q: provisioning.TaskListQuery) => listTasks(db, q),
  };
}
export type TaskQuery = ReturnType<typeof createTaskQuery>;
