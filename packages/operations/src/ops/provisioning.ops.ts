// Provisioning fallout (provisioning-sim): the operator lists and reads tasks, retries a failed one, resolves a
// stuck one, or abandons (the order then fails); and, as admin, injects faults to rehearse those paths.
import { provisioning } from '@bss/contracts';
import { z } from 'zod';
import { table } from '../cards/table.ts';
import { box, cardWidth, shortTime } from '../cards/text.ts';
import { FaultRuleId, ServiceId, ServiceOrderId, TaskId } from '../fields.ts';
import { defineOperation } from '../operation.ts';

const Note = z.string().min(1).max(500).describe('What the operator did or why (kept on the task)');

const taskLine = (t: provisioning.Task) => `${t.id} → ${t.state}  attempts=${t.attempts}/${t.maxAttempts}`;
const taskCard = (t: provisioning.Task, width: number) =>
  box(
    `${t.id}  ${t.taskType}`,
    [
      `State:    ${['failed', 'stuck', 'abandoned'].includes(t.state) ? '⚠ ' : ''}${t.state}${t.state === 'failed' ? (t.permanent ? ' (permanent)' : ' (retryable)') : ''}`,
      `Attempts: ${t.attempts}/${t.maxAttempts}`,
      `Service:  ${t.serviceId}   Service order: ${t.serviceOrderId}`,
      `Order:    ${t.orderId}   Customer: ${t.customerId}`,
      `Started:  ${shortTime(t.startedAt)}   Completed: ${shortTime(t.completedAt)}   Ended: ${shortTime(t.endedAt)}`,
      ...(t.lastError ? [`Error:    ${t.lastError}`] : []),
      ...(t.operatorNote ? [`Note:     ${t.operatorNote}`] : []),
    ],
    cardWidth(width, 90),
  );
const ruleLine = (r: provisioning.FaultRule) => `${r.id}  ${r.taskType ?? '*'} ${r.mode}  p=${r.probability}${r.mode === 'fail_always' ? (r.permanent ? ' permanent' : ' retryable') : ''}  enabled=${r.enabled}`;

export const provisioningOps = [
  defineOperation({
    name: 'provisioning.list_tasks',
    summary: 'List provisioning tasks, by service order, service, type or state',
    description: 'Tasks newest first with state and attempts; `state: stuck` or `failed` finds the fallout an operator must act on.',
    kind: 'read',
    destructive: false,
    services: ['provisioning-sim'],
    input: z.object({
      serviceOrderId: ServiceOrderId.optional(),
      serviceId: ServiceId.optional(),
      taskType: provisioning.TaskType.optional().describe('Task type'),
      state: provisioning.TaskState.optional().describe('Task state'),
      limit: z.coerce.number().int().min(1).max(1000).default(50).describe('How many to return (default 50)'),
    }),
    run: async (c, { limit, ...f }) => (await c.provisioning.listTasks({ ...f, limit })).items,
    render: (rows, { width }) =>
      table(
        'Provisioning tasks',
        [
          { header: 'ID', cell: (t: provisioning.Task) => t.id, width: 24 },
          { header: 'Service', cell: (t) => t.serviceId, width: 24 },
          { header: 'Type', cell: (t) => t.taskType, width: 20 },
          { header: 'State', cell: (t) => t.state, width: 9 },
          { header: 'Attempts', cell: (t) => `${t.attempts}/${t.maxAttempts}` },
        ],
        rows,
        width,
      ),
    cli: { command: ['prov', 'tasks'], flags: { serviceOrderId: 'service-order', serviceId: 'service' }, example: 'bss prov tasks --state stuck' },
  }),
  defineOperation({
    name: 'provisioning.get_task',
    summary: 'Show one provisioning task: state, attempts, last error, timing, operator note',
    description: 'One task (PTK-…). NOT_FOUND for an unknown id.',
    kind: 'read',
    destructive: false,
    services: ['provisioning-sim'],
    input: z.object({ taskId: TaskId }),
    run: (c, i) => c.provisioning.getTask(i.taskId),
    render: (t, { width }) => taskCard(t, width),
    cli: { command: ['prov', 'show'], positional: ['taskId'], example: 'bss prov show PTK-01JZ8Q3V9KX2M7' },
  }),
  defineOperation({
    name: 'provisioning.retry_failed',
    summary: 'Run a retryably failed task again (fresh attempts); the waiting order goes on',
    description: 'For a task failed but not permanent: it runs again on the same row. Refusals: provisioning.task.* rule ids (not failed, permanent).',
    kind: 'update',
    destructive: false,
    services: ['provisioning-sim'],
    input: z.object({ taskId: TaskId }),
    run: (c, i) => c.provisioning.retryTask(i.taskId),
    render: taskLine,
    cli: { command: ['prov', 'retry'], positional: ['taskId'], example: 'bss prov retry PTK-01JZ8Q3V9KX2M7' },
  }),
  defineOperation({
    name: 'provisioning.resolve_stuck',
    summary: 'Resolve a stuck task after fixing the element: it runs again and the order goes on',
    description: 'For a stuck task; the note (required) says what was done. Refusals: provisioning.task.* rule ids (not stuck, blank note).',
    kind: 'update',
    destructive: false,
    services: ['provisioning-sim'],
    input: z.object({ taskId: TaskId, note: Note }),
    run: (c, i) => c.provisioning.resolveTask(i.taskId, i.note),
    render: taskLine,
    cli: { command: ['prov', 'resolve'], positional: ['taskId'], example: 'bss prov resolve PTK-01JZ8Q3V9KX2M7 --note "HSS rebooted by the NOC"' },
  }),
  defineOperation({
    name: 'provisioning.abandon_task',
    summary: 'Give up on a failed or stuck task: it fails permanently and so does its order (terminal)',
    description: 'Terminal: the order fails (provisioning_failed) and its number and eSIM go back to the pools. Destructive: the CLI needs --allow-destructive. Refusals: provisioning.task.* rule ids.',
    kind: 'delete',
    destructive: true,
    services: ['provisioning-sim'],
    input: z.object({ taskId: TaskId, note: Note }),
    run: (c, i) => c.provisioning.abandonTask(i.taskId, i.note),
    render: taskLine,
    cli: { command: ['prov', 'abandon'], positional: ['taskId'], example: 'bss prov abandon PTK-01JZ8Q3V9KX2M7 --note "element decommissioned" --allow-destructive' },
  }),
  defineOperation({
    name: 'provisioning.set_fault_injection',
    summary: 'Switch a provisioning fault on or off for a task type (admin): fail first attempt, fail always, stuck, slow',
    description:
      'Finds the rule for (taskType, mode) and updates it, or creates it when there is none. `fail_always` with `permanent` false makes the task wait for an operator (retry or abandon) instead of failing the order. Destructive (it makes real orders fail): the CLI needs --allow-destructive. Needs the admin scope.',
    kind: 'admin',
    destructive: true,
    llmHidden: false,
    services: ['provisioning-sim'],
    input: z.object({
      taskType: provisioning.TaskType.describe('The task type the fault applies to'),
      mode: provisioning.FaultMode.describe('What happens to an attempt'),
      enabled: z.boolean().default(true).describe('On (default) or off'),
      probability: provisioning.Probability.default('1'),
      permanent: z.boolean().optional().describe('fail_always only: the exhausted task fails the order (default) or waits for an operator'),
    }),
    async run(c, i) {
      const rules = (await c.provisioning.listFaultRules({ limit: 100 })).items;
      const found = rules.find((r) => r.taskType === i.taskType && r.mode === i.mode);
      const patch = { enabled: i.enabled, probability: i.probability, ...(i.permanent !== undefined ? { permanent: i.permanent } : {}) };
      return found ? c.provisioning.updateFaultRule(found.id, patch) : c.provisioning.createFaultRule({ taskType: i.taskType, mode: i.mode, ...patch });
    },
    render: ruleLine,
    cli: { command: ['prov', 'fault'], positional: ['taskType', 'mode'], example: 'bss prov fault HLR_PROVISION fail_first_attempt --allow-destructive' },
  }),
  defineOperation({
    name: 'provisioning.fault.list',
    summary: 'List the fault-injection rules (admin)',
    description: 'Every rule with its task type (* = all), mode, probability and whether it is on.',
    kind: 'read',
    destructive: false,
    services: ['provisioning-sim'],
    input: z.object({}),
    run: async (c) => (await c.provisioning.listFaultRules({ limit: 100 })).items,
    render: (rows) => (rows.length ? rows.map(ruleLine).join('\n') : '(no fault rules)'),
    cli: { command: ['prov', 'faults'], example: 'bss prov faults' },
  }),
  defineOperation({
    name: 'provisioning.fault.delete',
    summary: 'Remove a fault-injection rule (admin): provisioning behaves normally again',
    description: 'Deletes the rule; tasks already failed or stuck stay as they are (retry or resolve them).',
    kind: 'admin',
    destructive: false,
    services: ['provisioning-sim'],
    input: z.object({ faultId: FaultRuleId }),
    run: async (c, i) => {
      await c.provisioning.deleteFaultRule(i.faultId);
      return { id: i.faultId, removed: true as const };
    },
    render: (r) => `Removed ${r.id}`,
    cli: { command: ['prov', 'fault-delete'], positional: ['faultId'], example: 'bss prov fault-delete FLT-01JZ8Q3V9KX2M7' },
  }),
];
