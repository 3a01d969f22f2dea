// HTTP for cases on /crm-api/v1/case: open, get, list, PATCH (trigger and/or fields), close, notes.
import { crm } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import type { CrmDeps } from '../deps.ts';
import { caseService } from '../services/case.service.ts';

const BASE = '/crm-api/v1/case';
const CaseId = z.object({ caseId: z.string().min(1).max(64) });
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 404: ErrorEnvelope, 422: ErrorEnvelope };

export function registerCaseRoutes(app: App, deps: CrmDeps): void {
  const cases = caseService(deps);
  const tags = ['Case'];
  app.post(BASE, { schema: { tags, body: crm.CaseOpen, response: { 201: crm.Case, ...errors } } }, async (req, reply) => reply.code(201).send(await cases.open(req.body)));
  app.get(BASE, { schema: { tags, querystring: crm.CaseListQuery, response: { 200: z.array(crm.Case), ...errors } } }, async (req, reply) => {
    const { items, total } = await cases.list(req.query);
    setListHeaders(reply, total, items.length);
    return items;
  });
  app.get(`${BASE}/:caseId`, { schema: { tags, params: CaseId, response: { 200: crm.Case, ...errors } } }, async (req) => cases.get(req.params.caseId));
  app.patch(`${BASE}/:caseId`, { schema: { tags, params: CaseId, body: crm.CasePatch, response: { 200: crm.Case, ...errors } } }, async (req) =>
    cases.patch(req.params.caseId, req.body),
  );
  app.post(`${BASE}/:caseId/close`, { schema: { tags, params: CaseId, body: crm.CaseClose, response: { 200: crm.Case, ...errors } } }, async (req) =>
    cases.close(req.params.caseId, req.body),
  );
  app.post(`${BASE}/:caseId/note`, { schema: { tags, params: CaseId, body: crm.CaseNoteCreate, response: { 201: crm.CaseNote, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await cases.addNote(req.params.caseId, req.body)),
  );
}
