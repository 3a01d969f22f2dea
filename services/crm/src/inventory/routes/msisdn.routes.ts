// HTTP surface of the MSISDN pool under /inventory-api/v1/msisdn. Routes only validate, call and return.
import { IdempotentWriteRequest, inventory as c } from '@bss/contracts';
import { ErrorEnvelope, NotFound } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import type { CrmDeps } from '../../deps.ts';
import { toMsisdn } from '../domain/inventory.mappers.ts';
import { countMsisdnsByStatus, findMsisdn, listMsisdns } from '../repositories/msisdn.repository.ts';
import { addMsisdnRange, assignMsisdn, releaseMsisdn, reserveMsisdn, reserveNextMsisdn } from '../services/msisdn.service.ts';
import { sendWritten } from './written.ts';

const BASE = '/inventory-api/v1/msisdn';
const tags = ['Inventory MSISDN'];
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 404: ErrorEnvelope, 422: ErrorEnvelope };
const IDEMPOTENCY =
  ' With `idempotencyKey`, the same key again returns the first result (header `idempotent-replayed: true`) and ' +
  'writes nothing; the same key for another request is refused (inventory.idempotency_key.mismatch).';

export function registerMsisdnRoutes(app: App, deps: CrmDeps): void {
  app.get(
    BASE,
    { schema: { tags, summary: 'List pool numbers (by msisdn)', querystring: c.MsisdnListQuery, response: { 200: c.Msisdn.array(), ...errors } } },
    async (req, reply) => {
      const { rows, total } = await listMsisdns(deps.database.db, req.query);
      setListHeaders(reply, total, rows.length);
      return rows.map(toMsisdn);
    },
  );

  app.get(
    `${BASE}/count`,
    { schema: { tags, summary: 'Count pool numbers by status', querystring: c.MsisdnCountQuery, response: { 200: c.MsisdnCount, ...errors } } },
    async (req) => {
      const by = await countMsisdnsByStatus(deps.database.db, req.query.prefix);
      const n = (s: string) => by[s] ?? 0;
      return {
        available: n('available'),
        reserved: n('reserved'),
        assigned: n('assigned'),
        portedOut: n('ported_out'),
        total: Object.values(by).reduce((a, b) => a + b, 0),
        prefix: req.query.prefix ?? null,
      };
    },
  );

  app.post(
    `${BASE}/reserve-next`,
    {
      schema: {
        tags,
        summary: 'Reserve the lowest available number (optionally matching a preference)',
        description: `201 with the reserved number; a replay answers 200.${IDEMPOTENCY}`,
        body: c.ReserveNextMsisdnRequest,
        response: { 200: c.Msisdn, 201: c.Msisdn, ...errors },
      },
    },
    async (req, reply) => sendWritten(reply, await reserveNextMsisdn(deps, req.body ?? {}), 201),
  );

  app.post(
    `${BASE}/add-range`,
    { schema: { tags, summary: 'Add <prefix><0000…count-1> to the pool (idempotent)', body: c.AddMsisdnRangeRequest, response: { 201: c.AddMsisdnRangeResult, ...errors } } },
    async (req, reply) => reply.code(201).send(await addMsisdnRange(deps, req.body)),
  );

  app.get(
    `${BASE}/:msisdn`,
    { schema: { tags, summary: 'One pool number', params: c.MsisdnParams, response: { 200: c.Msisdn, ...errors } } },
    async (req) => {
      const row = await findMsisdn(deps.database.db, req.params.msisdn);
      if (!row) throw new NotFound('msisdn', req.params.msisdn);
      return toMsisdn(row);
    },
  );

  app.post(
    `${BASE}/:msisdn/reserve`,
    {
      schema: { tags, summary: 'Reserve a specific number', description: IDEMPOTENCY.trim(), params: c.MsisdnParams, body: IdempotentWriteRequest, response: { 200: c.Msisdn, ...errors } },
    },
    async (req, reply) => sendWritten(reply, await reserveMsisdn(deps, req.params.msisdn, req.body?.idempotencyKey)),
  );

  app.post(
    `${BASE}/:msisdn/assign`,
    {
      schema: {
        tags,
        summary: 'Assign a reserved number to a subscription and customer',
        description: IDEMPOTENCY.trim(),
        params: c.MsisdnParams,
        body: c.AssignMsisdnRequest,
        response: { 200: c.Msisdn, ...errors },
      },
    },
    async (req, reply) => sendWritten(reply, await assignMsisdn(deps, req.params.msisdn, req.body)),
  );

  app.post(
    `${BASE}/:msisdn/release`,
    {
      schema: {
        tags,
        summary: 'Return a reserved or assigned number to the pool',
        description: IDEMPOTENCY.trim(),
        params: c.MsisdnParams,
        body: IdempotentWriteRequest,
        response: { 200: c.Msisdn, ...errors },
      },
    },
    async (req, reply) => sendWritten(reply, await releaseMsisdn(deps, req.params.msisdn, req.body?.idempotencyKey)),
  );
}
