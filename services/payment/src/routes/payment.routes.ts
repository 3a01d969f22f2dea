// HTTP for charges and payment history (TMF676-flavoured). `/payment/count` is registered as a static
// path, which Fastify's router always prefers over `/payment/:paymentId`.
import { PageQuery, payment } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import { PAYMENT_PATH } from '../domain/payment.mapper.ts';
import type { PaymentService } from '../services/payment.service.ts';

const tags = ['Payment'];
const CustomerQuery = z.object({ customerId: payment.ResourceId.describe('Customer whose payments to read') });
const PaymentParams = z.object({ paymentId: payment.ResourceId.describe('e.g. PAY-000001') });
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope };

export function registerPaymentRoutes(app: App, payments: PaymentService): void {
  app.post(
    PAYMENT_PATH,
    {
      schema: {
        tags,
        summary: 'Charge a card on file, in full or not at all',
        description:
          '201 with the new attempt, whether approved, declined or errored (a decline is an answer, not an error). ' +
          'Keys are scoped per customer. The same idempotencyKey again returns the first attempt with 200 and never charges ' +
          'twice; the same key with a different method, amount, currency or purpose is refused ' +
          '(payment.charge.idempotency_key_matches_request). An attempt still in flight answers a replay with 409 ' +
          '(payment.charge.in_progress); one left pending by a crash is completed from the gateway record by the reconciler. ' +
          'Mock test cards: 4000 0000 0000 0002 is declined (card_declined), 4000 0000 0000 0119 errors (processing_error).',
        body: payment.ChargeRequest,
        response: { 200: payment.Payment, 201: payment.Payment, ...errors, 409: ErrorEnvelope, 422: ErrorEnvelope },
      },
    },
    async (req, reply) => {
      const { payment: attempt, replayed } = await payments.charge(req.body);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(replayed ? 200 : 201).send(attempt);
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
        summary: "List a customer's payment attempts, newest first (X-Total-Count holds the total)",
        querystring: CustomerQuery.extend(PageQuery.shape),
        response: { 200: z.array(payment.Payment), ...errors },
      },
    },
    async (req, reply) => {
      const { customerId, offset, limit } = req.query;
      const { items, total } = await payments.list(customerId, { offset, limit });
      setListHeaders(reply, total, items.length);
      return items;
    },
  );

  app.get(
    `${PAYMENT_PATH}/:paymentId`,
    { schema: { tags, summary: 'Get one payment attempt', params: PaymentParams, response: { 200: payment.Payment, ...errors, 404: ErrorEnvelope } } },
    async (req) => payments.get(req.params.paymentId),
  );
}
