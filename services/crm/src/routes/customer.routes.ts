// HTTP for customers: TMF629 /customer (create, get, list with filters and `fields`, merge-PATCH, DELETE) and the
// /crm-api customer extras (by email, by MSISDN, orderability, individual update, contact mediums). Nothing here but schemas and calls into the services.
import { crm, FieldsQuery, projectFields } from '@bss/contracts';
import { ErrorEnvelope } from '@bss/policy';
import { sendRawJson, setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import type { CrmDeps } from '../deps.ts';
import { contactMediumService } from '../services/contact-medium.service.ts';
import { CUSTOMER_PATH, customerService } from '../services/customer.service.ts';

const CustomerId = z.object({ customerId: z.string().min(1).max(64) });
const MediumParams = CustomerId.extend({ cmId: z.string().min(1).max(64) });
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope, 422: ErrorEnvelope, 503: ErrorEnvelope };
const CRM = '/crm-api/v1/customer';

export function registerCustomerRoutes(app: App, deps: CrmDeps): void {
  const customers = customerService(deps);
  const mediums = contactMediumService(deps);
  const tags = ['Customer'];

  app.post(CUSTOMER_PATH, { schema: { tags, body: crm.CustomerCreate, response: { 201: crm.Customer, ...errors } } }, async (req, reply) => {
    const created = await customers.create(req.body);
    return reply.code(201).header('location', created.href).send(created);
  });
  // Without `fields` the body is the JSON Postgres built (customer-json.repository.ts), sent as it is.
  app.get(CUSTOMER_PATH, { schema: { tags, querystring: crm.CustomerListQuery, response: { 200: z.array(crm.CustomerFields), ...errors } } }, async (req, reply) => {
    const { fields, ...q } = req.query;
    if (fields === undefined) {
      const page = await customers.listJson(q);
      setListHeaders(reply, page.total, page.returned);
      return sendRawJson(reply, page.body);
    }
    const { items, total } = await customers.list(q);
    setListHeaders(reply, total, items.length);
    return items.map((c) => projectFields(c, fields) as crm.CustomerFields);
  });
  app.get(`${CUSTOMER_PATH}/:customerId`, { schema: { tags, params: CustomerId, querystring: FieldsQuery, response: { 200: crm.CustomerFields, ...errors } } }, async (req, reply) => {
    if (req.query.fields !== undefined) return projectFields(await customers.get(req.params.customerId), req.query.fields) as crm.CustomerFields;
    return sendRawJson(reply, await customers.getJson(req.params.customerId));
  });
  app.patch(`${CUSTOMER_PATH}/:customerId`, { schema: { tags, params: CustomerId, body: crm.CustomerPatch, response: { 200: crm.Customer, ...errors } } }, async (req) =>
    customers.patch(req.params.customerId, req.body),
  );
  app.delete(`${CUSTOMER_PATH}/:customerId`, { schema: { tags, params: CustomerId, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    await customers.remove(req.params.customerId);
    return reply.code(204).send(null);
  });

  app.get(`${CRM}/:customerId/orderability`, { schema: { tags, params: CustomerId, response: { 200: crm.CustomerOrderability, ...errors } } }, async (req) =>
    customers.orderability(req.params.customerId),
  );
  app.get(`${CRM}/by-email/:email`, { schema: { tags, params: z.object({ email: z.email().max(320) }), response: { 200: crm.Customer, ...errors } } }, async (req) =>
    customers.findByEmail(req.params.email),
  );
  app.get(`${CRM}/by-msisdn/:msisdn`, { schema: { tags, params: z.object({ msisdn: z.string().max(16).regex(/^\+?\d{4,15}$/) }), response: { 200: crm.Customer, ...errors } } }, async (req) =>
    customers.findByMsisdn(req.params.msisdn),
  );
  app.patch(`${CRM}/:customerId/individual`, { schema: { tags, params: CustomerId, body: crm.IndividualPatch, response: { 200: crm.Customer, ...errors } } }, async (req) =>
    customers.updateIndividual(req.params.customerId, req.body),
  );

  app.get(
    `${CRM}/:customerId/contact-medium`,
    { schema: { tags, params: CustomerId, querystring: z.object({ includeEnded: z.stringbool().meta({ maxLength: 8 }).default(false) }), response: { 200: z.array(crm.ContactMediumEntry), ...errors } } },
    async (req) => mediums.list(req.params.customerId, req.query.includeEnded),
  );
  app.post(`${CRM}/:customerId/contact-medium`, { schema: { tags, params: CustomerId, body: crm.ContactMediumAdd, response: { 201: crm.ContactMediumEntry, ...errors } } }, async (req, reply) =>
    reply.code(201).send(await mediums.add(req.params.customerId, req.body)),
  );
  app.patch(
    `${CRM}/:customerId/contact-medium/:cmId`,
    { schema: { tags, params: MediumParams, body: crm.ContactMediumPatch, response: { 200: crm.ContactMediumEntry, ...errors } } },
    async (req) => mediums.update(req.params.customerId, req.params.cmId, req.body),
  );
  app.delete(`${CRM}/:customerId/contact-medium/:cmId`, { schema: { tags, params: MediumParams, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
    await mediums.remove(req.params.customerId, req.params.cmId);
    return reply.code(204).send(null);
  });
}
