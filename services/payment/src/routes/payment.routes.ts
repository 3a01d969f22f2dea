// HTTP for charges and payment history (TMF676 Payment). `/payment/count` is registered as a static path, which
// Fastify's router always prefers over `/payment/:paymentId`. Payments are immutable: TMF676 lists no PATCH or
// DELETE for them, so none is registered (405 with Allow).
import { FieldsQuery, PageQuery, payment } from '@bss/contracts';
import { ErrorEnvelope, ValidationFailed } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import { PAYMENT_PATH, projectPayment } from '../domain/payment.mapper.ts';
import { checkListScope } from '../policies/listing.policies.ts';
import { fromPaymentCreate, type PaymentService } from '../services/payment.service.ts';

const tags = ['Payment'];
const CustomerQuery = z.object({ customerId: payment.ResourceId.describe('Customer whose payments to read') });
const PaymentParams = z.object({ paymentId: payment.ResourceId.describe('e.g. PAY-000001') });
const ListQuery = z
  .object({
    customerId: payment.ResourceId.optional().describe('Customer whose payments to list; omitted: every customer (needs payment:read_all)'),
    'account.id': payment.ResourceId.optional().describe('TMF676 spelling of customerId'),
    status: payment.PaymentStatus.optional(),
    correlatorId: z.string().max(128).optional().describe('The idempotency key'),
    'paymentMethod.id': payment.ResourceId.optional(),
  })
  .extend(PageQuery.shape)
  .extend(FieldsQuery.shape);
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope };

export function registerPaymentRoutes(app: App, payments: PaymentService): void {
  app.post(
    PAYMENT_PATH,
    {
      schema: {
        tags,
        summary: 'Charge a card on file, in full or not at all',
        description:
          'Takes the TMF676 Payment_Create body (customer = account.id, card = paymentMethod.id, totalAmount, correlatorId as the ' +
          'idempotency key) or the shorthand (customerId, paymentMethodId, amount, purpose, idempotencyKey). ' +
          '201 with the new attempt and Location, whether approved, declined or errored (a decline is an answer, not an error). ' +
          'Keys are scoped per customer. The same key again returns the first attempt with 200 and never charges ' +
          'twice; the same key with a different method, amount, currency or purpose is refused ' +
          '(payment.charge.idempotency_key_matches_request). An attempt still in flight answers a replay with 409 ' +
          '(payment.charge.in_progress); one left pending by a crash is completed from the gateway record by the reconciler. ' +
          'Mock test cards: 4000 0000 0000 0002 is declined (card_declined), 4000 0000 0000 0119 errors (processing_error).',
        body: payment.PaymentCreateBody,
        response: { 200: payment.Payment, 201: payment.Payment, ...errors, 409: ErrorEnvelope, 422: ErrorEnvelope },
      },
    },
    async (req, reply) => {
      const input = 'customerId' in req.body ? req.body : fromPaymentCreate(req.body);
      const { payment: attempt, replayed } = await payments.charge(input);
      if (replayed) return reply.header('idempotent-replayed', 'true').code(200).send(attempt);
      return reply.code(201).header('location', attempt.href).send(attempt);
    },
  );

  app.get(
    `${PAYMENT_PATH}/count`,
    { schema: { tags, summary: "Count a customer's payment attempts", querystring: CustomerQuery, response: { 200: payment.PaymentCount, ...errors } } },
    async (req) => ({ count: await payments.count(req.query.customerId) }),
  );

  app.get(
    PAYMENT_PATH,
    {
      schema: {
        tags,
        summary: 'List payment attempts, newest first (X-Total-Count / X-Result-Count describe the filtered set)',
        description:
          'Filters: customerId (or account.id), status, correlatorId, paymentMethod.id. Without a customer the list spans every ' +
          'customer of the tenant, which needs scope payment:read_all (else 400 payment.list.customer_required).',
        querystring: ListQuery,
        response: { 200: z.array(payment.PaymentFields), ...errors },
      },
    },
    async (req, reply) => {
      const { offset, limit, fields, status, correlatorId } = req.query;
      const customerId = req.query.customerId ?? req.query['account.id'];
      if (req.query.customerId && req.query['account.id'] && req.query.customerId !== req.query['account.id']) {
        throw new ValidationFailed('request.conflicting_customer', 'customerId and account.id name different customers');
      }
      checkListScope(customerId, req.identityScopes);
      const filter = { customerId, status, idempotencyKey: correlatorId, paymentMethodId: req.query['paymentMethod.id'] };
      const { items, total } = await payments.list(filter, { offset, limit });
      setListHeaders(reply, total, items.length);
      return items.map((p) => projectPayment(p, fields) as payment.PaymentFields);
    },
  );

  app.get(
    `${PAYMENT_PATH}/:paymentId`,
    {
      schema: {
        tags,
        summary: 'Get one payment attempt',
        params: PaymentParams,
        querystring: FieldsQuery,
        response: { 200: payment.PaymentFields, ...errors, 404: ErrorEnvelope },
      },
    },
    async (req) => projectPayment(await payments.get(req.params.paymentId), req.query.fields) as payment.PaymentFields,
  );
}
