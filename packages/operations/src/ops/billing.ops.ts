// Prepaid receipts (TMF678 customerBill): every approved charge of a line — activation, renewal, VAS top-up — is
// one settled receipt. Read-only: nothing is ever owed (bundled prepaid, no dunning).
import type { subscription } from '@bss/contracts';
import { z } from 'zod';
import { table } from '../cards/table.ts';
import { CustomerId } from '../fields.ts';
import { defineOperation } from '../operation.ts';

const amount = (b: subscription.CustomerBill) => `${b.taxIncludedAmount.value.toFixed(2)} ${b.taxIncludedAmount.unit}`;

function receiptsTable(rows: readonly subscription.CustomerBill[], width: number): string {
  return table(
    'Receipts',
    [
      { header: 'RECEIPT', cell: (b) => b.id },
      { header: 'DATE', cell: (b) => b.billDate.slice(0, 10), width: 10 },
      { header: 'KIND', cell: (b) => (b.runType === 'onCycle' ? 'renewal' : 'activation/top-up'), width: 17 },
      { header: 'AMOUNT', cell: amount, width: 12 },
      { header: 'STATE', cell: (b) => b.state, width: 7 },
    ],
    rows,
    width,
  );
}

export const billingOps = [
  defineOperation({
    name: 'billing.list_receipts',
    summary: "List a customer's prepaid receipts (TMF678 customerBill)",
    description: 'Every approved charge of the customer (activation, renewal, VAS top-up) as a settled receipt, newest first. Nothing is ever owed: prepaid bills are paid before they exist.',
    kind: 'read',
    destructive: false,
    services: ['subscription'],
    input: z.object({ customerId: CustomerId }),
    run: async (c, i) => (await c.subscription.listReceipts(i.customerId, { limit: 100 })).items,
    render: (rows, { width }) => receiptsTable(rows, width),
    cli: { command: ['billing', 'receipts'], flags: { customerId: 'customer' }, example: 'bss billing receipts --customer CUST-01JZ8Q3V9KX2M7' },
  }),
  defineOperation({
    name: 'billing.get_receipt',
    summary: 'Show one prepaid receipt',
    description: 'One TMF678 customerBill by id (BILL-…): amount (tax included), period, the payment that settled it.',
    kind: 'read',
    destructive: false,
    services: ['subscription'],
    input: z.object({ billId: z.string().max(64).describe('BILL-… id, from billing.list_receipts') }),
    run: async (c, i) => c.subscription.getReceipt(i.billId),
    render: (b, { width }) => receiptsTable([b], width),
    cli: { command: ['billing', 'receipt'], positional: ['billId'], example: 'bss billing receipt BILL-01JZ8Q3V9KX2M7' },
  }),
];
