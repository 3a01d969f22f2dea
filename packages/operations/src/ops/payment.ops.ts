// Payment operations (TMF670 cards on file, TMF676 charges). A charge is all-or-nothing and never retried here.
import { amountFromNumber, payment } from '@bss/contracts';
import { z } from 'zod';
import { table } from '../cards/table.ts';
import { CustomerId, PaymentAttemptId, PaymentMethodId } from '../fields.ts';
import { defineOperation } from '../operation.ts';

/** The mock provider's shorthand body for a test card (a fixed far expiry and test CVV: mock-only by contract). */
export const mockCardBody = (customerId: string, cardNumber: string, expMonth = 12, expYear = 2099, cvv = '123') => ({ customerId, cardNumber, cvv, expMonth, expYear });

const methodLine = (m: payment.PaymentMethod) => `${m.id}  ${m.brand}•••${m.lastFourDigits}  ${m.expirationDate.slice(5, 7)}/${m.expirationDate.slice(0, 4)}${m.isPreferred ? '  default' : ''}`;
const attemptLine = (p: payment.Payment) => `${p.id}  ${p.status}  ${p.totalAmount.unit} ${amountFromNumber(p.totalAmount.value)}`;

export const paymentOps = [
  defineOperation({
    name: 'payment.add_card',
    summary: 'Put a test card on file for a customer (mock provider)',
    description:
      'Tokenises a test card number with the mock provider and attaches it (the first card becomes the default). Not destructive. The number and CVV are never stored or echoed. Refusals: payment_method.add.* rule ids (unknown/closed customer, declined test card).',
    kind: 'create',
    destructive: false,
    services: ['payment'],
    input: z.object({
      customerId: CustomerId,
      cardNumber: z.string().max(24).regex(/^[0-9][0-9 -]{10,22}[0-9]$/).describe('Test card number, e.g. 4242424242424242'),
      expMonth: z.coerce.number().int().min(1).max(12).default(12).describe('Expiry month'),
      expYear: z.coerce.number().int().min(2000).max(2200).default(2099).describe('Expiry year'),
      cvv: z.string().regex(/^[0-9]{3,4}$/).default('123').describe('Test CVV'),
    }),
    run: (c, i) => c.payment.addCard(mockCardBody(i.customerId, i.cardNumber, i.expMonth, i.expYear, i.cvv)),
    render: (m) => `Added ${methodLine(m)}`,
    cli: { command: ['payment', 'add-card'], flags: { customerId: 'customer', cardNumber: 'card' }, example: 'bss payment add-card --customer CUST-01JZ8Q3V9KX2M7 --card 4242424242424242' },
  }),
  defineOperation({
    name: 'payment.list_methods',
    summary: "List a customer's cards on file",
    description: 'Active payment methods of the customer, newest first; `isPreferred` marks the default.',
    kind: 'read',
    destructive: false,
    services: ['payment'],
    input: z.object({ customerId: CustomerId }),
    run: (c, i) => c.payment.listMethods(i.customerId),
    render: (rows, { width }) =>
      table(
        'Payment methods',
        [
          { header: 'ID', cell: (m: payment.PaymentMethod) => m.id, width: 8 },
          { header: 'Card', cell: (m) => `${m.brand}•••${m.lastFourDigits}`, width: 18 },
          { header: 'Expiry', cell: (m) => `${m.expirationDate.slice(5, 7)}/${m.expirationDate.slice(0, 4)}`, width: 7 },
          { header: 'Default', cell: (m) => (m.isPreferred ? 'yes' : '') },
        ],
        rows,
        width,
      ),
    cli: { command: ['payment', 'list-methods'], flags: { customerId: 'customer' }, example: 'bss payment list-methods --customer CUST-01JZ8Q3V9KX2M7' },
  }),
  defineOperation({
    name: 'payment.remove_method',
    summary: 'Remove a card on file',
    description: 'Soft-removes the method; the default moves to the newest remaining card. Destructive: the CLI needs --allow-destructive.',
    kind: 'delete',
    destructive: true,
    services: ['payment'],
    input: z.object({ methodId: PaymentMethodId }),
    run: async (c, i) => {
      await c.payment.removeMethod(i.methodId);
      return { id: i.methodId, removed: true as const };
    },
    render: (r) => `Removed ${r.id}`,
    cli: { command: ['payment', 'remove-method'], positional: ['methodId'], example: 'bss payment remove-method PM-0001 --allow-destructive' },
  }),
  defineOperation({
    name: 'payment.charge',
    summary: 'Charge a card on file in full (approved or declined, never retried)',
    description:
      'Charges `amount` (decimal string) to the method. The same `idempotencyKey` returns the first attempt instead of charging twice. A decline is an answer (status declined), not an error. Refusals: payment.charge.* rule ids.',
    kind: 'create',
    destructive: false,
    services: ['payment'],
    input: z.object({
      customerId: CustomerId,
      paymentMethodId: PaymentMethodId,
      amount: z.string().regex(/^\d{1,10}(\.\d{1,2})?$/).describe('Decimal amount, e.g. "25.00"'),
      purpose: payment.PaymentPurpose.describe('activation | renewal | vas'),
      idempotencyKey: z.string().min(8).max(128).describe('Caller-chosen key, unique per intended charge'),
      currency: z.string().regex(/^[A-Z]{3}$/).default('SGD').describe('ISO 4217 currency'),
    }),
    run: (c, i) => c.payment.charge(i),
    render: attemptLine,
    cli: { command: ['payment', 'charge'], flags: { customerId: 'customer', paymentMethodId: 'method' }, example: 'bss payment charge --customer CUST-01JZ8Q3V9KX2M7 --method PM-0001 --amount 25.00 --purpose activation --idempotency-key demo-0001' },
  }),
  defineOperation({
    name: 'payment.get_attempt',
    summary: 'Show one payment attempt',
    description: 'One charge attempt with its status and amount.',
    kind: 'read',
    destructive: false,
    services: ['payment'],
    input: z.object({ attemptId: PaymentAttemptId }),
    run: (c, i) => c.payment.getPayment(i.attemptId),
    render: attemptLine,
    cli: { command: ['payment', 'show'], positional: ['attemptId'], example: 'bss payment show PAY-000001' },
  }),
  defineOperation({
    name: 'payment.list_attempts',
    summary: "List a customer's payment attempts, newest first",
    description: 'Charge attempts of one customer, up to `limit`.',
    kind: 'read',
    destructive: false,
    services: ['payment'],
    input: z.object({ customerId: CustomerId, limit: z.coerce.number().int().min(1).max(1000).default(20).describe('How many (default 20)') }),
    run: async (c, i) => (await c.payment.listPayments(i.customerId, { limit: i.limit })).items,
    render: (rows, { width }) =>
      table(
        'Payments',
        [
          { header: 'ID', cell: (p: payment.Payment) => p.id, width: 11 },
          { header: 'Status', cell: (p) => p.status, width: 9 },
          { header: 'Amount', cell: (p) => `${p.totalAmount.unit} ${amountFromNumber(p.totalAmount.value)}`, width: 12 },
          { header: 'Date', cell: (p) => p.paymentDate ?? '—' },
        ],
        rows,
        width,
      ),
    cli: { command: ['payment', 'list'], flags: { customerId: 'customer' }, example: 'bss payment list --customer CUST-01JZ8Q3V9KX2M7' },
  }),
];
