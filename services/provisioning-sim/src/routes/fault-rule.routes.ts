// HTTP for fault-injection rules. Changing how the network misbehaves is an admin capability (scope admin,
// gated by BSS_ALLOW_ADMIN_RESET like every admin route), though the path stays under /provisioning-api.
import { PageQuery, provisioning } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import { FAULT_PATH } from '../domain/task.mapper.ts';
import type { FaultRuleService } from '../services/fault-rule.service.ts';

const tags = ['Fault injection'];
const config = { scope: 'admin' };
const params = provisioning.FaultRuleIdParams;
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };
const writeErrors = { ...errors, 422: ErrorEnvelope };

export function registerFaultRuleRoutes(app: App, rules: FaultRuleService): void {
  app.post(
    FAULT_PATH,
    {
      config,
      schema: {
        tags,
        summary: 'Create a fault-injection rule for one task type (or all)',
        description:
          'mode fail_first_attempt | fail_always | stuck | slow; probability a decimal string 0..1 (default "1"); enabled (default true); ' +
          'permanent for fail_always only (default true: the exhausted task fails the order; false: it waits for an operator). ' +
          'The task type’s own enabled rule applies before an all-types rule, the oldest first.',
        body: provisioning.FaultRuleCreate,
        response: { 201: provisioning.FaultRule, ...writeErrors },
      },
    },
    async (req, reply) => {
      const rule = await rules.create(req.body);
      return reply.code(201).header('location', rule.href).send(rule);
    },
  );

  app.get(
    FAULT_PATH,
    { config, schema: { tags, summary: 'List fault-injection rules, oldest first', querystring: PageQuery, response: { 200: z.array(provisioning.FaultRule), ...errors } } },
    async (req, reply) => {
      const { rules: list, total } = await rules.list(req.query);
      setListHeaders(reply, total, list.length);
      return list;
    },
  );

  app.get(
    `${FAULT_PATH}/:faultId`,
    { config, schema: { tags, summary: 'Get a fault-injection rule', params, response: { 200: provisioning.FaultRule, ...errors } } },
    async (req) => rules.get(req.params.faultId),
  );

  app.patch(
    `${FAULT_PATH}/:faultId`,
    {
      config,
      schema: {
        tags,
        summary: 'Change a fault-injection rule (enable/disable, probability, mode, permanence, task type)',
        params,
        body: provisioning.FaultRulePatch,
        response: { 200: provisioning.FaultRule, ...writeErrors },
      },
    },
    async (req) => rules.update(req.params.faultId, req.body),
  );

  app.delete(
    `${FAULT_PATH}/:faultId`,
    { config, schema: { tags, summary: 'Delete a fault-injection rule', params, response: { 204: z.null().describe('Deleted'), ...errors } } },
    async (req, reply) => {
      await rules.remove(req.params.faultId);
      return reply.code(204).send(null);
    },
  );
}
