// TMF678 Customer Bill Management (read-only): every approved charge of a line is a settled prepaid receipt.
// A list names one customer (customerId or billingAccount.id), as payment's lists do; a bill or item of another
// tenant is a 404. No bill is ever created on demand and nothing is owed (no dunning).
import { projectFields, subscription as c } from '@bss/contracts';
import { ErrorEnvelope, NotFound, ValidationFailed } from '@bss/policy';
import { setListHeaders, type App } from '@bss/server-kit';
import { z } from 'zod';
import { BILL_PATH, RATE_PATH, toAppliedRate, toCustomerBill } from '../domain/customer-bill.mapper.ts';
import type { SubscriptionDeps } from '../deps.ts';
import { chargesOfCustomer, countChargesOfCustomer, findCharge } from '../repositories/charge.repository.ts';

const tags = ['TMF678 Customer Bill'];
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope };

export function registerCustomerBillRoutes(app: App, deps: SubscriptionDeps): void {
  const db = deps.database.db;
  const customerOf = (q: c.CustomerBillListQuery) => {
    const customerId = q.customerId ?? q['billingAccount.id'];
    if (!customerId) throw new ValidationFailed('customer_bill.list.customer_required', 'name the customer: customerId or billingAccount.id');
    if (q.customerId && q['billingAccount.id'] && q.customerId !== q['billingAccount.id']) {
      throw new ValidationFailed('request.conflicting_customer', 'customerId and billingAccount.id name different customers');
    }
    return customerId;
  };
  const billRow = async (id: string) => {
    const row = await findCharge(db, id);
    if (!row) throw new NotFound('customer_bill', id);
    return row;
  };

  app.get(
    BILL_PATH,
    {
      schema: {
        tags,
        summary: "A customer's prepaid receipts, newest first (X-Total-Count / X-Result-Count)",
        description: 'One settled CustomerBill per approved charge (activation, renewal, VAS top-up): amount (tax-inclusive), period, and the payment it settled.',
        querystring: c.CustomerBillListQuery,
        response: { 200: z.array(c.CustomerBillFields), ...errors },
      },
    },
    async (req, reply) => {
      const customerId = customerOf(req.query);
      const [rows, total] = await Promise.all([chargesOfCustomer(db, customerId, req.query), countChargesOfCustomer(db, customerId)]);
      setListHeaders(reply, total, rows.length);
      return rows.map((r) => projectFields(toCustomerBill(r, deps.href), req.query.fields) as c.CustomerBill);
    },
  );

  app.get(
    `${BILL_PATH}/:id`,
    {
      schema: { tags, summary: 'One receipt', params: c.CustomerBillParams, querystring: c.CustomerBillFieldsQuery, response: { 200: c.CustomerBillFields, ...errors, 404: ErrorEnvelope } },
    },
    async (req) => projectFields(toCustomerBill(await billRow(req.params.id), deps.href), req.query.fields) as c.CustomerBill,
  );

  app.get(
    RATE_PATH,
    {
      schema: {
        tags,
        summary: "A customer's receipt items (one AppliedCustomerBillingRate per bill)",
        querystring: c.CustomerBillListQuery,
        response: { 200: z.array(c.AppliedCustomerBillingRateFields), ...errors },
      },
    },
    async (req, reply) => {
      const customerId = customerOf(req.query);
      const [rows, total] = await Promise.all([chargesOfCustomer(db, customerId, req.query), countChargesOfCustomer(db, customerId)]);
      setListHeaders(reply, total, rows.length);
      return rows.map((r) => projectFields(toAppliedRate(r, deps.href), req.query.fields) as c.AppliedCustomerBillingRate);
    },
  );

  app.get(
    `${RATE_PATH}/:id`,
    {
      schema: {
        tags,
        summary: 'One receipt item',
        params: c.CustomerBillParams,
        querystring: c.CustomerBillFieldsQuery,
        response: { 200: c.AppliedCustomerBillingRateFields, ...errors, 404: ErrorEnvelope },
      },
    },
    async (req) => {
      const billId = req.params.id.endsWith('-1') ? req.params.id.slice(0, -2) : undefined;
      const row = billId ? await findCharge(db, billId) : undefined;
      if (!row) throw new NotFound('applied_customer_billing_rate', req.params.id);
      return projectFields(toAppliedRate(row, deps.href), req.query.fields) as c.AppliedCustomerBillingRate;
    },
  );
}
