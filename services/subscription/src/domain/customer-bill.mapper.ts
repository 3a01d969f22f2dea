// A charge ledger row → TMF678 CustomerBill (a settled prepaid receipt) and its one AppliedCustomerBillingRate.
// Money is serialised from the exact decimal (amountToNumber), never computed; absent optionals are omitted.
import { amountToNumber, type subscription as c } from '@bss/contracts';
import type { ChargeRow } from '../schema.ts';

export const TMF678 = '/tmf-api/customerBillManagement/v4';
export const BILL_PATH = `${TMF678}/customerBill`;
export const RATE_PATH = `${TMF678}/appliedCustomerBillingRate`;

const KIND_NAME: Record<ChargeRow['kind'], string> = { activation: 'Activation', renewal: 'Renewal', vas: 'Top-up' };
type Href = (path: string, id: string) => string;

const money = (row: ChargeRow, amount: string) => ({ unit: row.currency, value: amountToNumber(amount) });
const period = (row: ChargeRow) =>
  row.periodStart || row.periodEnd
    ? { ...(row.periodStart ? { startDateTime: row.periodStart.toISOString() } : {}), ...(row.periodEnd ? { endDateTime: row.periodEnd.toISOString() } : {}) }
    : undefined;
const account = (row: ChargeRow) => ({ id: row.customerId, '@referredType': 'BillingAccount' as const });

export function toCustomerBill(row: ChargeRow, href: Href): c.CustomerBill {
  const billingPeriod = period(row);
  return {
    id: row.id,
    href: href(BILL_PATH, row.id),
    billNo: row.id,
    billDate: row.chargedAt.toISOString(),
    lastUpdate: row.chargedAt.toISOString(),
    category: 'normal',
    runType: row.kind === 'renewal' ? 'onCycle' : 'offCycle',
    state: 'settled',
    amountDue: money(row, '0.00'),
    remainingAmount: money(row, '0.00'),
    taxIncludedAmount: money(row, row.amount),
    ...(billingPeriod ? { billingPeriod } : {}),
    billingAccount: account(row),
    relatedParty: [{ id: row.customerId, role: 'customer', '@referredType': 'Customer' }],
    appliedPayment: [{ appliedAmount: money(row, row.amount), payment: { id: row.paymentId, '@referredType': 'Payment' } }],
    '@type': 'CustomerBill',
  };
}

/** The bill's one item: what was charged, for which line and period. Its id is `<billId>-1`. */
export function toAppliedRate(row: ChargeRow, href: Href): c.AppliedCustomerBillingRate {
  const id = `${row.id}-1`;
  const periodCoverage = period(row);
  return {
    id,
    href: href(RATE_PATH, id),
    name: `${KIND_NAME[row.kind]} ${row.offeringId}`,
    description: row.description,
    date: row.chargedAt.toISOString(),
    isBilled: true,
    type: 'appliedBillingCharge',
    bill: { id: row.id, href: href(BILL_PATH, row.id) },
    billingAccount: account(row),
    ...(periodCoverage ? { periodCoverage } : {}),
    taxIncludedAmount: money(row, row.amount),
    characteristic: [
      { name: 'chargeKind', valueType: 'string', value: row.kind },
      { name: 'subscriptionId', valueType: 'string', value: row.subscriptionId },
      { name: 'offeringId', valueType: 'string', value: row.offeringId },
    ],
    '@type': 'AppliedCustomerBillingRate',
  };
}
