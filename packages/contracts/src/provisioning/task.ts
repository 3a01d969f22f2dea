// A provisioning task: one network step (HLR, PCRF, OCS, eSIM) of one service order.
import { z } from 'zod';
import { PROVISIONING_TASK_TYPES } from '../events/som.events.ts';
import { LIMITS, Text } from '../common/limits.ts';
import { PageQuery } from '../common/paging.ts';

export const TaskType = z.enum(PROVISIONING_TASK_TYPES);
export type TaskType = z.infer<typeof TaskType>;

/** `running` is only visible inside an attempt; `abandoned` is final (an operator gave up: a permanent failure). */
export const TASK_STATES = ['pending', 'running', 'completed', 'failed', 'stuck', 'abandoned'] as const;
export const TaskState = z.enum(TASK_STATES);
export type TaskState = z.infer<typeof TaskState>;

/** A task id in a path or query: 1–64 safe characters. */
export const TaskId = z.string().max(LIMITS.id).regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, '1–64 characters of [A-Za-z0-9_.:-]');

export const Task = z
  .object({
    id: z.string().describe('PTK-…'),
    href: z.string(),
    serviceOrderId: z.string(),
    orderId: z.string().describe('The commercial order'),
    customerId: z.string(),
    serviceId: z.string().describe('The CFS the task provisions'),
    offeringId: z.string(),
    taskType: TaskType,
    state: TaskState,
    attempts: z.number().int().describe('Attempts of the current budget (reset by retry / resolve)'),
    maxAttempts: z.number().int(),
    permanent: z.boolean().describe('For a failed task: true → the order fails; false → waits for an operator (retry or abandon)'),
    lastError: z.string().nullable(),
    operatorNote: z.string().nullable().describe('The latest resolve / abandon note'),
    payload: z.object({ msisdn: z.string(), iccid: z.string(), imsi: z.string() }),
    startedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    endedAt: z.string().nullable().describe('When it reached failed, stuck or abandoned'),
    createdAt: z.string(),
    updatedAt: z.string(),
    '@type': z.literal('ProvisioningTask'),
  });
export type Task = z.infer<typeof Task>;

export const TaskListQuery = z
  .object({
    state: TaskState.optional(),
    serviceOrderId: TaskId.optional(),
    serviceId: TaskId.optional(),
    taskType: TaskType.optional(),
  })
  .extend(PageQuery.shape);
export type TaskListQuery = z.infer<typeof TaskListQuery>;

export const TaskIdParams = z.object({ taskId: TaskId.describe('e.g. PTK-…') });

/** Resolve / abandon body: the operator's note (required; a blank note is refused by rule, not by schema). */
export const OperatorNoteRequest = z.object({ note: Text(LIMITS.line).optional().describe('Why (required, non-blank)') });
export type OperatorNoteRequest = z.infer<typeof OperatorNoteRequest>;
