// TMF640 Service Activation and Configuration: a read-only view of the provisioning tasks. Activation requests
// arrive only as `provisioning.task.created` events from SOM, so POST/PATCH/DELETE of `service` are not
// registered (405 with Allow: GET): a service activated here would belong to no service order, and its
// completion would reach SOM for an order it never made. See DECISIONS (TMF640).
import { projectFields, provisioning } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import type { ProvisioningDeps } from '../deps.ts';
import { MONITOR_PATH, SERVICE_PATH, toTmf640Monitor, toTmf640Service } from '../domain/tmf640.mapper.ts';
import type { TaskQuery } from '../services/task-query.ts';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };
const params = provisioning.Tmf640IdParams;
const querystring = provisioning.Tmf640ListQuery;
const fieldsOnly = querystring.pick({ fields: true });

export function registerTmf640Routes(app: App, deps: ProvisioningDeps, query: TaskQuery): void {
  const views = [
    { path: SERVICE_PATH, tag: 'TMF640 Service', noun: 'service', shape: provisioning.Tmf640Service, map: toTmf640Service },
    { path: MONITOR_PATH, tag: 'TMF640 Monitor', noun: 'monitor', shape: provisioning.Tmf640Monitor, map: toTmf640Monitor },
  ] as const;
  for (const v of views) {
    const map = v.map as (row: Awaited<ReturnType<TaskQuery['get']>>, href: ProvisioningDeps['href']) => Record<string, unknown>;
    app.get(
      v.path,
      {
        schema: {
          tags: [v.tag],
          summary: `List ${v.noun}s (one per provisioning task), newest first`,
          querystring,
          response: { 200: z.array(v.shape.partial()), ...errors },
        },
      },
      async (req, reply) => {
        const { offset, limit, fields } = req.query;
        const { rows, total } = await query.list({ offset, limit });
        setListHeaders(reply, total, rows.length);
        return rows.map((r) => projectFields(map(r, deps.href), fields));
      },
    );
    app.get(
      `${v.path}/:id`,
      { schema: { tags: [v.tag], summary: `Get a ${v.noun} (id = the task id)`, params, querystring: fieldsOnly, response: { 200: v.shape.partial(), ...errors } } },
      async (req) => projectFields(map(await query.get(req.params.id), deps.href), req.query.fields),
    );
  }
}
