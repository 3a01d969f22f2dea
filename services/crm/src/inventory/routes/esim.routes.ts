// HTTP surface of the eSIM profile pool under /inventory-api/v1/esim. Routes only validate, call and return.
import { inventory as c } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import type { CrmDeps } from '../../deps.ts';
import { toEsimActivation, toEsimProfile } from '../domain/inventory.mappers.ts';
import { getEsim, listEsims } from '../repositories/esim.repository.ts';
import { assignEsimMsisdn, markEsimActivated, markEsimDownloaded, recycleEsim, releaseEsim, reserveEsim } from '../services/esim.service.ts';

const BASE = '/inventory-api/v1/esim';
const tags = ['Inventory eSIM'];
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 404: ErrorEnvelope, 422: ErrorEnvelope };

export function registerEsimRoutes(app: App, deps: CrmDeps): void {
  app.get(
    BASE,
    { schema: { tags, summary: 'List profiles (by iccid)', querystring: c.EsimListQuery, response: { 200: c.EsimProfile.array(), ...errors } } },
    async (req, reply) => {
      const { rows, total } = await listEsims(deps.database.db, req.query);
      setListHeaders(reply, total, rows.length);
      return rows.map(toEsimProfile);
    },
  );

  app.post(
    `${BASE}/reserve`,
    { schema: { tags, summary: 'Reserve the next available profile', response: { 201: c.EsimProfile, ...errors } } },
    async (_req, reply) => reply.code(201).send(await reserveEsim(deps)),
  );

  app.get(
    `${BASE}/:iccid`,
    { schema: { tags, summary: 'One profile (never the Ki or its reference)', params: c.IccidParams, response: { 200: c.EsimProfile, ...errors } } },
    async (req) => toEsimProfile(await getEsim(deps.database.db, req.params.iccid)),
  );

  app.get(
    `${BASE}/:iccid/activation`,
    { schema: { tags, summary: 'LPA activation code of a profile', params: c.IccidParams, response: { 200: c.EsimActivation, ...errors } } },
    async (req) => toEsimActivation(await getEsim(deps.database.db, req.params.iccid)),
  );

  app.post(
    `${BASE}/:iccid/assign-msisdn`,
    { schema: { tags, summary: 'Bind a reserved number to a reserved profile', params: c.IccidParams, body: c.AssignEsimMsisdnRequest, response: { 200: c.EsimProfile, ...errors } } },
    async (req) => assignEsimMsisdn(deps, req.params.iccid, req.body),
  );

  const move = (path: string, summary: string, fn: (deps: CrmDeps, iccid: string) => Promise<c.EsimProfile>) =>
    app.post(
      `${BASE}/:iccid/${path}`,
      { schema: { tags, summary, params: c.IccidParams, response: { 200: c.EsimProfile, ...errors } } },
      async (req) => fn(deps, req.params.iccid),
    );
  move('mark-downloaded', 'reserved → downloaded', markEsimDownloaded);
  move('mark-activated', 'downloaded → activated', markEsimActivated);
  move('recycle', 'downloaded/activated → available, links cleared', recycleEsim);
  move('release', 'reserved → available, links cleared', releaseEsim);
}
