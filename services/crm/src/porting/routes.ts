// HTTP surface of number porting under /crm-api/v1/port-requests (operator-only MNP). Routes only validate,
// call and return; the CRM app registers this next to the core routes.
import { inventory as c } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import type { CrmDeps } from '../deps.ts';
import { toPortRequest } from './domain/port-request.mappers.ts';
import { getPortRequest, listPortRequests } from './repositories/port-request.repository.ts';
import { approvePortRequest, completePortRequest, createPortRequest, rejectPortRequest, validatePortRequest } from './services/port-request.service.ts';

const BASE = '/crm-api/v1/port-requests';
const tags = ['Port request'];
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope, 422: ErrorEnvelope };

export function registerPortingRoutes(app: App, deps: CrmDeps): void {
  app.post(
    BASE,
    { schema: { tags, summary: 'Open a port-in or port-out request', body: c.CreatePortRequest, response: { 201: c.PortRequest, ...errors } } },
    async (req, reply) => reply.code(201).send(await createPortRequest(deps, req.body)),
  );

  app.get(
    BASE,
    { schema: { tags, summary: 'List port requests (newest first)', querystring: c.PortRequestListQuery, response: { 200: c.PortRequest.array(), ...errors } } },
    async (req, reply) => {
      const { rows, total } = await listPortRequests(deps.database.db, req.query);
      setListHeaders(reply, total, rows.length);
      return rows.map(toPortRequest);
    },
  );

  app.get(
    `${BASE}/:portId`,
    { schema: { tags, summary: 'One port request', params: c.PortRequestParams, response: { 200: c.PortRequest, ...errors } } },
    async (req) => toPortRequest(await getPortRequest(deps.database.db, req.params.portId)),
  );

  app.post(
    `${BASE}/:portId/validate`,
    { schema: { tags, summary: 'Mark donor checks passed (requested → validated)', params: c.PortRequestParams, response: { 200: c.PortRequest, ...errors } } },
    async (req) => validatePortRequest(deps, req.params.portId),
  );

  app.post(
    `${BASE}/:portId/approve`,
    { schema: { tags, summary: 'Approve and apply to the pool (port-in adds the number, port-out marks it ported_out)', params: c.PortRequestParams, response: { 200: c.PortRequest, ...errors } } },
    async (req) => approvePortRequest(deps, req.params.portId),
  );

  app.post(
    `${BASE}/:portId/reject`,
    { schema: { tags, summary: 'Reject before approval, with a reason', params: c.PortRequestParams, body: c.RejectPortRequest, response: { 200: c.PortRequest, ...errors } } },
    async (req) => rejectPortRequest(deps, req.params.portId, req.body ?? {}),
  );

  app.post(
    `${BASE}/:portId/complete`,
    { schema: { tags, summary: 'Record the cutover (approved → completed)', params: c.PortRequestParams, response: { 200: c.PortRequest, ...errors } } },
    async (req) => completePortRequest(deps, req.params.portId),
  );
}
