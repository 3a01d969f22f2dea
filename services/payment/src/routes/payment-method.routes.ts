// HTTP for cards on file (TMF670 PaymentMethod): validate, call the service, shape the reply. Nothing else.
// Served at TMF670's base path and, unchanged, at the path used before (alias), so existing clients keep working.
import { FieldsQuery, PageQuery, payment } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import { PAYMENT_METHOD_ALIAS_PATH, PAYMENT_METHOD_PATH, projectPaymentMethod } from '../domain/payment-method.mapper.ts';
import { checkListScope } from '../policies/listing.policies.ts';
import { fromBankCard, type PaymentMethodService } from '../services/payment-method.service.ts';

const tags = ['PaymentMethod'];
const MethodParams = z.object({ paymentMethodId: payment.ResourceId.describe('e.g. PM-0001') });
const ListQuery = z
  .object({
    customerId: payment.ResourceId.optional().describe('Customer whose methods to list; omitted: every customer (needs payment:read_all)'),
    status: payment.PaymentMethodStatus.default('active').describe('active (default), removed or expired'),
    isPreferred: z.enum(['true', 'false']).optional().describe('Only the default method (true) or only the others (false)'),
  })
  .extend(PageQuery.shape)
  .extend(FieldsQuery.shape);
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope };

export function registerPaymentMethodRoutes(app: App, methods: PaymentMethodService): void {
  for (const base of [PAYMENT_METHOD_PATH, PAYMENT_METHOD_ALIAS_PATH]) registerAt(app, methods, base);
}

function registerAt(app: App, methods: PaymentMethodService, base: string): void {
  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Add a card on file',
        description:
          'Takes the TMF670 create body for a card (@type bankCard; the owner is relatedParty.id) or the shorthand (customerId, ' +
          'cardNumber, cvv, expMonth, expYear). Tokenizes the card with the active provider and stores only the token and card ' +
          'summary: the answer is a tokenizedCard. The card number and CVV are accepted here only for the mock provider; with a ' +
          'real provider the card is tokenized client-side. The first active method becomes the default (isPreferred), as does ' +
          'one added with isPreferred true. At most 5 active methods per customer.',
        body: payment.PaymentMethodCreate,
        response: { 201: payment.PaymentMethod, ...errors, 422: ErrorEnvelope, 503: ErrorEnvelope },
      },
    },
    async (req, reply) => {
      const created = await methods.addCard('@type' in req.body ? fromBankCard(req.body) : req.body);
      return reply.code(201).header('location', created.href).send(created);
    },
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'List payment methods, newest first (X-Total-Count / X-Result-Count describe the filtered set)',
        description: 'Without customerId the list spans every customer of the tenant, which needs scope payment:read_all (else 400 payment.list.customer_required).',
        querystring: ListQuery,
        response: { 200: z.array(payment.PaymentMethodFields), ...errors },
      },
    },
    async (req, reply) => {
      const { customerId, status, isPreferred, offset, limit, fields } = req.query;
      checkListScope(customerId, req.identityScopes);
      const filter = { customerId, status, isDefault: isPreferred === undefined ? undefined : isPreferred === 'true' };
      const { items, total } = await methods.list(filter, { offset, limit });
      setListHeaders(reply, total, items.length);
      return items.map((m) => projectPaymentMethod(m, fields) as payment.PaymentMethodFields);
    },
  );

  app.get(
    `${base}/:paymentMethodId`,
    {
      schema: {
        tags,
        summary: 'Get a payment method',
        params: MethodParams,
        querystring: FieldsQuery,
        response: { 200: payment.PaymentMethodFields, ...errors, 404: ErrorEnvelope },
      },
    },
    async (req) => projectPaymentMethod(await methods.get(req.params.paymentMethodId), req.query.fields) as payment.PaymentMethodFields,
  );

  app.patch(
    `${base}/:paymentMethodId`,
    {
      schema: {
        tags,
        summary: 'Change a card on file (JSON merge-patch: name, description, isPreferred, validFor)',
        description:
          'The card itself is immutable (add a new one). isPreferred true moves the default here; the default cannot be unset ' +
          '(payment_method.update.preferred_not_unset) — make another method preferred. Only active methods change ' +
          '(payment_method.update.active).',
        params: MethodParams,
        body: payment.PaymentMethodPatch,
        response: { 200: payment.PaymentMethod, ...errors, 404: ErrorEnvelope, 409: ErrorEnvelope, 422: ErrorEnvelope },
      },
    },
    async (req) => methods.update(req.params.paymentMethodId, req.body),
  );

  app.delete(
    `${base}/:paymentMethodId`,
    {
      schema: {
        tags,
        summary: 'Remove a payment method (soft: status becomes removed; 204)',
        description:
          'Refused for the last active method while the customer has a pending, active or blocked subscription. Removing the ' +
          'default promotes the newest remaining active method. The removed method stays readable by id (status removed).',
        params: MethodParams,
        response: { 204: z.null().describe('Removed'), ...errors, 404: ErrorEnvelope, 409: ErrorEnvelope, 422: ErrorEnvelope, 503: ErrorEnvelope },
      },
    },
    async (req, reply) => {
      await methods.remove(req.params.paymentMethodId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${base}/:paymentMethodId/setDefault`,
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
