// HTTP for provisioning tasks: reads, and the operator's fallout actions (scope provisioning:write).
// Retry and resolve answer the task back in `pending`: the runner runs it again within a poll interval.
import { provisioning } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import { TASK_PATH, toTask } from '../domain/task.mapper.ts';
import type { ProvisioningDeps } from '../deps.ts';
import type { TaskOperator } from '../services/task-operator.service.ts';
import type { TaskQuery } from '../services/task-query.ts';

const tags = ['Provisioning task'];
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };
const writeErrors = { ...errors, 422: ErrorEnvelope };
const params = provisioning.TaskIdParams;

export function registerTaskRoutes(app: App, deps: ProvisioningDeps, query: TaskQuery, operator: TaskOperator): void {
  app.get(
    TASK_PATH,
    {
      schema: {
        tags,
        summary: 'List tasks, newest first (X-Total-Count / X-Result-Count describe the filtered set)',
        description: 'Filters: state, serviceOrderId, serviceId, taskType; paged with offset/limit.',
        querystring: provisioning.TaskListQuery,
        response: { 200: z.array(provisioning.Task), ...errors },
      },
    },
    async (req, reply) => {
      const { rows, total } = await query.list(req.query);
      setListHeaders(reply, total, rows.length);
      return rows.map((r) => toTask(r, deps.href));
    },
  );

  app.get(
    `${TASK_PATH}/:taskId`,
    { schema: { tags, summary: 'Get a task', params, response: { 200: provisioning.Task, ...errors } } },
    async (req) => toTask(await query.get(req.params.taskId), deps.href),
  );

  app.post(
    `${TASK_PATH}/:taskId/retry`,
    {
      schema: {
        tags,
        summary: 'Retry a task that failed retryably: same row, fresh attempt budget',
        description:
          'Only a failed task that is not permanent (provisioning_task.retry.requires_failed_state, provisioning_task.retry.permanent_failure). ' +
          'The task answers pending; on success provisioning.task.completed carries the original service order, which then completes.',
        params,
        response: { 200: provisioning.Task, ...writeErrors },
      },
    },
    async (req) => operator.retry(req.params.taskId),
  );

  app.post(
    `${TASK_PATH}/:taskId/resolve`,
    {
      schema: {
        tags,
        summary: 'Resolve a stuck task with a note: same row runs again',
        description: 'Note required (provisioning.resolve_stuck.requires_note); only a stuck task (provisioning_task.resolve.requires_stuck_state).',
        params,
        body: provisioning.OperatorNoteRequest,
        response: { 200: provisioning.Task, ...writeErrors },
      },
    },
    async (req) => operator.resolve(req.params.taskId, req.body),
  );

  app.post(
    `${TASK_PATH}/:taskId/abandon`,
    {
      schema: {
        tags,
        summary: 'Give up on a failed (retryable) or stuck task with a note: it fails permanently',
        description:
          'Stages provisioning.task.abandoned then provisioning.task.failed (permanent), so SOM fails the service order. ' +
          'Rules: provisioning_task.abandon.requires_note, provisioning_task.abandon.requires_failed_or_stuck_state, provisioning_task.abandon.permanent_failure.',
        params,
        body: provisioning.OperatorNoteRequest,
        response: { 200: provisioning.Task, ...writeErrors },
      },
    },
    async (req) => operator.abandon(req.params.taskId, req.body),
  );
}
