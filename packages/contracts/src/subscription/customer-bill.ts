// TMF678 CustomerBill as a prepaid receipt: every approved charge of a line (activation, renewal, VAS) is one
// bill, already `settled` by the payment it names — nothing is ever owed (amountDue and remainingAmount are 0;
// no dunning). Prices are tax-inclusive, so only taxIncludedAmount is stated. Its one item is a TMF678
// AppliedCustomerBillingRate (the charge line: what, for which period). Optional attributes are omitted, never null.
import { z } from 'zod';
import { Id } from '../common/limits.ts';
import { FieldsQuery, PageQuery } from '../common/paging.ts';

const Money = z.object({ unit: z.string(), value: z.number() });
const Period = z.object({ startDateTime: z.string().optional(), endDateTime: z.string().optional() });
const Ref = (type: string) => z.object({ id: z.string(), href: z.string().optional(), name: z.string().optional(), '@referredType': z.literal(type).optional() });

export const CustomerBill = z
  .object({
    id: z.string().describe('BILL-…'),
    href: z.string(),
    billNo: z.string(),
    billDate: z.string(),
    lastUpdate: z.string(),
    category: z.literal('normal'),
    runType: z.enum(['onCycle', 'offCycle']).describe('onCycle for a renewal, offCycle for an activation or a top-up'),
    state: z.literal('settled').describe('a prepaid charge is paid before the bill exists'),
    amountDue: Money,
    remainingAmount: Money,
    taxIncludedAmount: Money,
    billingPeriod: Period.optional(),
    billingAccount: Ref('BillingAccount').describe('the customer (a prepaid customer has one account, named by the customer id)'),
    relatedParty: z.array(z.object({ id: z.string(), role: z.string(), '@referredType': z.string() })),
    paymentMethod: Ref('PaymentMethod').optional(),
    appliedPayment: z.array(z.object({ appliedAmount: Money, payment: Ref('Payment') })),
    '@type': z.literal('CustomerBill'),
  })
  .meta({ id: 'CustomerBill' });
export type CustomerBill = z.infer<typeof CustomerBill>;

export const AppliedCustomerBillingRate = z
  .object({
    id: z.string(),
    href: z.string(),
    name: z.string(),
    description: z.string(),
    date: z.string(),
    isBilled: z.literal(true),
    type: z.literal('appliedBillingCharge'),
    bill: z.object({ id: z.string(), href: z.string() }),
    billingAccount: Ref('BillingAccount'),
    periodCoverage: Period.optional(),
    taxIncludedAmount: Money,
    characteristic: z.array(z.object({ name: z.string(), valueType: z.literal('string'), value: z.string() })),
    '@type': z.literal('AppliedCustomerBillingRate'),
  })
  .meta({ id: 'AppliedCustomerBillingRate' });
export type AppliedCustomerBillingRate = z.infer<typeof AppliedCustomerBillingRate>;

/** A customer's receipts (customerId or billingAccount.id required: one customer per read). */
export const CustomerBillListQuery = PageQuery.extend({
  ...FieldsQuery.shape,
  customerId: Id.optional(),
  'billingAccount.id': Id.optional(),
});
export type CustomerBillListQuery = z.infer<typeof CustomerBillListQuery>;
export const CustomerBillParams = z.object({ id: Id.describe('BILL-… (an item: BILL-…-1)') });
export { FieldsQuery as CustomerBillFieldsQuery };

/** Bills and items after a `fields` projection: only id, href and @type are guaranteed. */
export const CustomerBillFields = CustomerBill.partial().required({ id: true, href: true, '@type': true }).meta({ id: 'CustomerBillFields' });
export const AppliedCustomerBillingRateFields = AppliedCustomerBillingRate.partial()
  .required({ id: true, href: true, '@type': true })
  .meta({ id: 'AppliedCustomerBillingRateFields' });
