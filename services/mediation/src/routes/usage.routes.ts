// HTTP for TMF635 usage: record (official Usage_Create or the shorthand), get one, list. Records are immutable
// once stored (TMF635's PATCH/DELETE are not offered: 405 with Allow).
import { FieldsQuery, InstantQueryParam, PageQuery, usage } from '@bss/contracts';
import { ErrorEnvelope, ValidationFailed } from '@bss/policy';
import { sendRawJson, setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import { toRecordInput } from '../domain/usage-input.ts';
import { projectUsage, USAGE_PATH } from '../domain/usage.mapper.ts';
import type { UsageService } from '../services/usage.service.ts';

const tags = ['Usage'];
const UsageId = z.string().max(64).regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, '1–64 characters of [A-Za-z0-9_.:-]');
const UsageParams = z.object({ usageId: UsageId.describe('e.g. UE-…') });
const ListQuery = z
  .object({
    msisdn: usage.Msisdn.optional(),
    subscriptionId: UsageId.optional(),
    usageType: usage.UsageEventType.optional().describe('data | voice | sms'),
    since: InstantQueryParam.optional().describe('Events at or after this instant'),
    until: InstantQueryParam.optional().describe('Events before this instant'),
  })
  .extend(PageQuery.shape)
  .extend(FieldsQuery.shape);
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope };

export function registerUsageRoutes(app: App, usages: UsageService): void {
  app.post(
    USAGE_PATH,
    {
      schema: {
        tags,
        summary: 'Record a usage event (blocked at the edge; stored and counted once)',
        description:
          'Takes the TMF635 Usage_Create body (usageType = event type, usageDate = event time, usageCharacteristic msisdn, quantity, ' +
          'unit and optionally roaming, source, externalId) or the shorthand {msisdn, eventType, eventTime, quantity, unit, roaming?, ' +
          'source?, externalId?}. A record is refused (422, nothing stored, a usage.rejected event audits it) for a non-positive quantity ' +
          '(usage.record.positive_quantity), an unknown event type (usage.record.valid_event_type), a unit other than the type’s ' +
          '(data mb, voice minutes, sms count: usage.record.unit_matches_event_type), a line no subscription holds ' +
          '(usage.record.subscription_must_exist) or a subscription that is not active (usage.record.subscription_must_be_active). ' +
          'externalId is the idempotency key: the same record posted again returns the first with 200 (idempotent-replayed: true); ' +
          'a different record under a used id is refused (usage.record.external_id_matches_request).',
        body: usage.UsageCreateBody,
        response: { 200: usage.Usage, 201: usage.Usage, ...errors, 422: ErrorEnvelope, 503: ErrorEnvelope },
      },
    },
    async (req, reply) => {
      const { usage: recorded, replayed } = await usages.record(toRecordInput(req.body));
      if (replayed) return reply.header('idempotent-replayed', 'true').code(200).send(recorded);
      return reply.code(201).header('location', recorded.href).send(recorded);
    },
  );

  app.get(
    USAGE_PATH,
    {
      schema: {
        tags,
        summary: 'List usage records, newest event first (X-Total-Count / X-Result-Count describe the filtered set)',
        description: 'Filters: msisdn, subscriptionId, usageType, since (inclusive) and until (exclusive) on the event time.',
        querystring: ListQuery,
        response: { 200: z.array(usage.UsageFields), ...errors },
      },
    },
    async (req, reply) => {
      const { offset, limit, fields, msisdn, subscriptionId, usageType, since, until } = req.query;
      if (since && until && Date.parse(since) >= Date.parse(until)) {
        throw new ValidationFailed('request.empty_time_window', 'since must be before until', { since, until });
      }
      const filter = { msisdn, subscriptionId, eventType: usageType, since: since ? new Date(since) : undefined, until: until ? new Date(until) : undefined };
      // Without `fields` the body is the JSON Postgres built (usage-json.repository.ts), sent as it is.
      if (fields === undefined) {
        const page = await usages.listJson(filter, { offset, limit });
        setListHeaders(reply, page.total, page.returned);
        return sendRawJson(reply, page.body);
      }
      const { items, total } = await usages.list(filter, { offset, limit });
      setListHeaders(reply, total, items.length);
      return items.map((u) => projectUsage(u, fields));
    },
  );

  app.get(
    `${USAGE_PATH}/:usageId`,
    {
      schema: {
        tags,
        summary: 'Get one usage record',
        params: UsageParams,
        querystring: FieldsQuery,
        response: { 200: usage.UsageFields, ...errors, 404: ErrorEnvelope },
      },
    },
    async (req) => projectUsage(await usages.get(req.params.usageId), req.query.fields),
  );
}
