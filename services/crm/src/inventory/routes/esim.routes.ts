// HTTP surface of the eSIM profile pool under /inventory-api/v1/esim. Routes only validate, call and return.
import { IdempotentWriteRequest, inventory as c } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import type { CrmDeps } from '../../deps.ts';
import { toEsimActivation, toEsimProfile } from '../domain/inventory.mappers.ts';
import { getEsim, listEsims } from '../repositories/esim.repository.ts';
import { assignEsimMsisdn, markEsimActivated, markEsimDownloaded, recycleEsim, releaseEsim, reserveEsim } from '../services/esim.service.ts';
import type { Written } from '../services/idempotent-write.ts';
import { sendWritten } from './written.ts';

const BASE = '/inventory-api/v1/esim';
const tags = ['Inventory eSIM'];
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 404: ErrorEnvelope, 422: ErrorEnvelope };
const IDEMPOTENCY =
  'With `idempotencyKey`, the same key again returns the first result (header `idempotent-replayed: true`) and ' +
  'writes nothing; the same key for another request is refused (inventory.idempotency_key.mismatch).';

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
    {
      schema: {
        tags,
        summary: 'Reserve the next available profile',
        description: `201 with the reserved profile; a replay answers 200. ${IDEMPOTENCY}`,
        body: IdempotentWriteRequest,
        response: { 200: c.EsimProfile, 201: c.EsimProfile, ...errors },
      },
    },
    async (req, reply) => sendWritten(reply, await reserveEsim(deps, req.body?.idempotencyKey), 201),
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
    {
      schema: {
        tags,
        summary: 'Bind a reserved number to a reserved profile',
        description: IDEMPOTENCY,
        params: c.IccidParams,
        body: c.AssignEsimMsisdnRequest,
        response: { 200: c.EsimProfile, ...errors },
      },
    },
    async (req, reply) => sendWritten(reply, await assignEsimMsisdn(deps, req.params.iccid, req.body)),
  );

  const move = (path: string, summary: string, fn: (deps: CrmDeps, iccid: string, key?: string) => Promise<Written<c.EsimProfile>>) =>
    app.post(
      `${BASE}/:iccid/${path}`,
      { schema: { tags, summary, description: IDEMPOTENCY, params: c.IccidParams, body: IdempotentWriteRequest, response: { 200: c.EsimProfile, ...errors } } },
      async (req, reply) => sendWritten(reply, await fn(deps, req.params.iccid, req.body?.idempotencyKey)),
    );
  move('mark-downloaded', 'reserved → downloaded', markEsimDownloaded);
  move('mark-activated', 'downloaded → activated', markEsimActivated);
  move('recycle', 'downloaded/activated → available, links cleared', recycleEsim);
  move('release', 'reserved → available, links cleared', releaseEsim);
}
