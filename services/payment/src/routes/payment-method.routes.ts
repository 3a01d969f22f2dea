// HTTP for cards on file (TMF670-flavoured): validate, call the service, shape the reply. Nothing else.
import { payment } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import { PAYMENT_METHOD_PATH } from '../domain/payment-method.mapper.ts';
import type { PaymentMethodService } from '../services/payment-method.service.ts';

const tags = ['PaymentMethod'];
const CustomerQuery = z.object({ customerId: payment.ResourceId.describe('Customer whose methods to list') });
const MethodParams = z.object({ paymentMethodId: payment.ResourceId.describe('e.g. PM-0001') });
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope };

export function registerPaymentMethodRoutes(app: App, methods: PaymentMethodService): void {
  app.post(
    PAYMENT_METHOD_PATH,
    {
      schema: {
        tags,
        summary: 'Add a card on file',
        description:
          'Tokenizes the card with the active provider and stores only the token and card summary. The card number and CVV ' +
          'are accepted here only for the mock provider; with a real provider the card is tokenized client-side. The first ' +
          'active method becomes the default. At most 5 active methods per customer.',
        body: payment.AddCardRequest,
        response: { 201: payment.PaymentMethod, ...errors, 422: ErrorEnvelope, 503: ErrorEnvelope },
      },
    },
    async (req, reply) => reply.code(201).send(await methods.addCard(req.body)),
  );

  app.get(
    PAYMENT_METHOD_PATH,
    {
      schema: {
        tags,
        summary: "List a customer's active payment methods (newest first)",
        querystring: CustomerQuery,
        response: { 200: z.array(payment.PaymentMethod), ...errors },
      },
    },
    async (req, reply) => {
      const items = await methods.listActive(req.query.customerId);
      setListHeaders(reply, items.length, items.length);
      return items;
    },
  );

  app.get(
    `${PAYMENT_METHOD_PATH}/:paymentMethodId`,
    { schema: { tags, summary: 'Get a payment method', params: MethodParams, response: { 200: payment.PaymentMethod, ...errors, 404: ErrorEnvelope } } },
    async (req) => methods.get(req.params.paymentMethodId),
  );

  app.delete(
    `${PAYMENT_METHOD_PATH}/:paymentMethodId`,
    {
      schema: {
        tags,
        summary: 'Remove a payment method (soft: status becomes removed)',
        description:
          'Refused for the last active method while the customer has a pending, active or blocked subscription. Removing the ' +
          'default promotes the newest remaining active method.',
        params: MethodParams,
        response: { 200: payment.PaymentMethod, ...errors, 404: ErrorEnvelope, 409: ErrorEnvelope, 422: ErrorEnvelope, 503: ErrorEnvelope },
      },
    },
    async (req) => methods.remove(req.params.paymentMethodId),
  );

  app.post(
    `${PAYMENT_METHOD_PATH}/:paymentMethodId/setDefault`,
    {
      schema: {
        tags,
        summary: "Make this the customer's default method (the previous default is cleared in the same transaction)",
        params: MethodParams,
        response: { 200: payment.PaymentMethod, ...errors, 404: ErrorEnvelope, 422: ErrorEnvelope },
      },
    },
    async (req) => methods.setDefault(req.params.paymentMethodId),
  );
}
