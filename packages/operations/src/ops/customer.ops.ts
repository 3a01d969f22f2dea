// Customer operations (CRM, TMF629): create (optionally with a card on file), read, list, find, close.
import { z } from 'zod';
import { contactOf, displayName } from '../cards/customer-view.ts';
import { renderCustomer360, type Customer360 } from '../cards/customer-360.card.ts';
import { table } from '../cards/table.ts';
import { box, cardWidth, stateDot } from '../cards/text.ts';
import { defineOperation } from '../operation.ts';
import { CustomerId, Email, Phone, Text } from '../fields.ts';
import { mockCardBody } from './payment.ops.ts';
import type { crm, payment } from '@bss/contracts';

const oneLine = (c: crm.Customer) => `${c.id}  ${displayName(c)}  [${c.status}]`;

const listCustomers = (rows: crm.Customer[], width: number) =>
  table(
    'Customers',
    [
      { header: 'ID', cell: (c: crm.Customer) => c.id, width: 31 },
      { header: 'Name', cell: (c) => displayName(c), width: 22 },
      { header: 'Status', cell: (c) => c.status, width: 9 },
      { header: 'Email', cell: (c) => contactOf(c).email ?? '—' },
    ],
    rows,
    width,
    25,
  );

/** The customer card used by single-customer reads without the 360 extras. */
const customerCard = (c: crm.Customer, width: number) => {
  const { email, phone } = contactOf(c);
  return box(`${c.id}  ${displayName(c)}`, [`Status:  ${stateDot(c.status)}`, `Contact: ${[email, phone].filter(Boolean).join(' · ') || '—'}`], cardWidth(width, 80));
};

export const customerOps = [
  defineOperation({
    name: 'customer.create',
    summary: 'Create a customer (status active with a contact medium, else pending), optionally with a card on file',
    description:
      'Creates a customer from a display name ("Given Family") and optional email/phone. With `card` (a test card number, mock payment provider only) the card is added as the default payment method right after. Returns { customer, paymentMethod? }. Refusals: customer.create.* policy rule ids (e.g. a duplicate email).',
    kind: 'create',
    destructive: false,
    services: ['crm', 'payment'],
    input: z.object({
      name: Text(200, 'Display name "Given Family"; the last word is the family name'),
      email: Email.optional(),
      phone: Phone.optional(),
      card: z.string().max(24).regex(/^[0-9][0-9 -]{10,22}[0-9]$/).optional().describe('Test card number to put on file (mock provider only), e.g. 4242424242424242'),
    }),
    async run(c, input) {
      const words = input.name.trim().split(/\s+/);
      const familyName = words.length > 1 ? words.pop()! : undefined;
      const customer = await c.crm.createCustomer({
        givenName: words.join(' '),
        ...(familyName ? { familyName } : {}),
        ...(input.email ? { email: input.email } : {}),
        ...(input.phone ? { phone: input.phone } : {}),
      });
      const paymentMethod: payment.PaymentMethod | undefined = input.card ? await c.payment.addCard(mockCardBody(customer.id, input.card)) : undefined;
      return { customer, ...(paymentMethod ? { paymentMethod } : {}) };
    },
    render: (r) =>
      [`Created ${r.customer.id}  ${displayName(r.customer)}  [${r.customer.status}]`, ...(r.paymentMethod ? [`Attached card ${r.paymentMethod.id}  ${r.paymentMethod.brand}•••${r.paymentMethod.lastFourDigits}`] : [])].join('\n'),
    cli: { command: ['customer', 'create'], example: 'bss customer create --name "Ada Lovelace" --email ada@example.com --card 4242424242424242' },
  }),
  defineOperation({
    name: 'customer.get',
    summary: 'Show a customer 360: status, KYC, contact, subscriptions, open cases with tickets, recent interactions',
    description:
      'Reads the customer and, in parallel, its subscriptions (number, plan, state), open orders, cases (with their tickets) and the 10 most recent interactions. Only the customer read can fail the call (NOT_FOUND); a failed side read leaves its list empty and names the service in `unavailable`.',
    kind: 'read',
    destructive: false,
    services: ['crm', 'subscription', 'com'],
    input: z.object({ customerId: CustomerId }),
    async run(c, { customerId }): Promise<Customer360> {
      const unavailable: string[] = [];
      const soft = <T>(service: string, p: Promise<T>, empty: T) =>
        p.catch(() => {
          unavailable.push(service);
          return empty;
        });
      // A line's number and plan come from its full read (the list answers the summary); at most 20 lines, 10 orders.
      const lines = c.subscription.listByCustomer(customerId).then((subs) => Promise.all(subs.slice(0, 20).map((s) => c.subscription.get(s.id).then((full) => ({ ...s, msisdn: full.msisdn, offeringId: full.offeringId })))));
      const orders = c.com.listOpenByCustomer(customerId).then((ids) => Promise.all(ids.slice(0, 10).map((id) => c.com.getView(id).then((o) => ({ id, offeringId: o.offeringId, state: o.state })))));
      const [customer, subscriptions, openOrders, cases, tickets, interactions] = await Promise.all([
        c.crm.getCustomer(customerId),
        soft('subscription', lines, []),
        soft('com', orders, []),
        soft('crm', c.crm.listCases({ customerId, limit: 100 }).then((p) => p.items), []),
        soft('crm', c.crm.listTickets({ customerId, limit: 200 }).then((p) => p.items), []),
        soft('crm', c.crm.listInteractions({ customerId, limit: 10 }).then((p) => p.items), []),
      ]);
      return {
        customer,
        subscriptions,
        openOrders,
        cases: cases.map((k) => ({ case: k, tickets: tickets.filter((t) => t.caseId === k.id) })),
        interactions,
        unavailable: [...new Set(unavailable)],
      };
    },
    render: (r, o) => renderCustomer360(r, o),
    cli: { command: ['customer', 'show'], positional: ['customerId'], example: 'bss customer show CUST-01JZ8Q3V9KX2M7' },
  }),
  defineOperation({
    name: 'customer.list',
    summary: 'List customers, optionally by state or a name substring',
    description: 'Lists customers (newest first, up to `limit`). `state` filters by lifecycle status; `nameContains` is a case-insensitive substring of the given or family name.',
    kind: 'read',
    destructive: false,
    services: ['crm'],
    input: z.object({
      state: z.enum(['pending', 'active', 'suspended', 'closed']).optional().describe('Lifecycle status'),
      nameContains: z.string().min(1).max(100).optional().describe('Substring of the given or family name'),
      limit: z.coerce.number().int().min(1).max(1000).default(50).describe('How many to return (default 50)'),
    }),
    run: async (c, i) => (await c.crm.listCustomers({ status: i.state, name: i.nameContains, limit: i.limit })).items,
    render: (rows, { width }) => listCustomers(rows, width),
    cli: { command: ['customer', 'list'], flags: { nameContains: 'name' }, example: 'bss customer list --state active --name ada' },
  }),
  defineOperation({
    name: 'customer.find_by_email',
    summary: 'Find the customer whose active email medium is exactly this address',
    description: 'Exact match on an active email contact medium. NOT_FOUND when no customer has it.',
    kind: 'read',
    destructive: false,
    services: ['crm'],
    input: z.object({ email: Email }),
    run: (c, i) => c.crm.findCustomerByEmail(i.email),
    render: (r, { width }) => customerCard(r, width),
    cli: { command: ['customer', 'find-by-email'], positional: ['email'], example: 'bss customer find-by-email ada@example.com' },
  }),
  defineOperation({
    name: 'customer.find_by_msisdn',
    summary: 'Find the customer whose subscription holds this number',
    description: 'Looks up the customer owning the MSISDN. NOT_FOUND when the number is not assigned to a customer.',
    kind: 'read',
    destructive: false,
    services: ['crm'],
    input: z.object({ msisdn: z.string().regex(/^[0-9]{6,15}$/).describe('Phone number, digits only') }),
    run: (c, i) => c.crm.findCustomerByMsisdn(i.msisdn),
    render: (r, { width }) => customerCard(r, width),
    cli: { command: ['customer', 'find-by-msisdn'], positional: ['msisdn'], example: 'bss customer find-by-msisdn 90000005' },
  }),
  defineOperation({
    name: 'customer.close',
    summary: 'Close a customer (terminal; refused while the customer has live subscriptions)',
    description: 'Sets the customer to closed. Destructive and irreversible: the CLI needs --allow-destructive. Refused with a customer.* policy rule when live subscriptions remain.',
    kind: 'delete',
    destructive: true,
    services: ['crm'],
    input: z.object({ customerId: CustomerId }),
    run: (c, i) => c.crm.patchCustomer(i.customerId, { status: 'closed' }),
    render: (r) => `Closed ${oneLine(r)}`,
    cli: { command: ['customer', 'close'], positional: ['customerId'], example: 'bss customer close CUST-01JZ8Q3V9KX2M7 --allow-destructive' },
  }),
];
