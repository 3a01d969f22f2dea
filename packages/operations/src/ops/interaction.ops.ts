// Interaction operations (CRM, TMF683) and contact media (/crm-api contact-medium routes).
import { z } from 'zod';
import { table } from '../cards/table.ts';
import { shortTime } from '../cards/text.ts';
import { ContactMediumId, CustomerId, Limit, Text } from '../fields.ts';
import { defineOperation } from '../operation.ts';
import type { crm } from '@bss/contracts';

const interactions = (rows: crm.PartyInteraction[], width: number) =>
  table(
    'Interactions',
    [
      { header: 'When', cell: (i: crm.PartyInteraction) => shortTime(i.interactionDate.startDateTime ?? i.creationDate), width: 16 },
      { header: 'Channel', cell: (i) => i.channel[0]?.id ?? '—', width: 12 },
      { header: 'Summary', cell: (i) => i.reason },
    ],
    rows,
    width,
  );

const media = (rows: crm.ContactMediumEntry[], width: number) =>
  table(
    'Contact media',
    [
      { header: 'ID', cell: (m: crm.ContactMediumEntry) => m.id, width: 30 },
      { header: 'Type', cell: (m) => m.mediumType, width: 6 },
      { header: 'Primary', cell: (m) => (m.isPrimary ? 'yes' : ''), width: 7 },
      { header: 'Value', cell: (m) => m.value },
    ],
    rows,
    width,
  );

export const interactionOps = [
  defineOperation({
    name: 'interaction.log',
    summary: 'Log an interaction with a customer (the channel is filled in from the caller)',
    description: 'Appends an interaction (summary + optional body) to the customer record. Interactions are append-only.',
    kind: 'create',
    destructive: false,
    services: ['crm'],
    input: z.object({ customerId: CustomerId, summary: Text(500, 'What happened, one line'), body: z.string().max(20_000).optional().describe('Details') }),
    run: (c, i) => c.crm.createInteraction({ customerId: i.customerId, summary: i.summary, ...(i.body ? { body: i.body } : {}) }),
    render: (r) => `Logged ${r.id}  ${r.reason}`,
    cli: { command: ['interaction', 'log'], positional: ['customerId'], example: 'bss interaction log CUST-01JZ8Q3V9KX2M7 --summary "Called about roaming"' },
  }),
  defineOperation({
    name: 'interaction.list',
    summary: "List a customer's interactions, newest first",
    description: 'Interactions of one customer, newest first, up to `limit` (default 50).',
    kind: 'read',
    destructive: false,
    services: ['crm'],
    input: z.object({ customerId: CustomerId, limit: Limit(50) }),
    run: async (c, i) => (await c.crm.listInteractions({ customerId: i.customerId, limit: i.limit })).items,
    render: (rows, { width }) => interactions(rows, width),
    cli: { command: ['interaction', 'list'], positional: ['customerId'], example: 'bss interaction list CUST-01JZ8Q3V9KX2M7 --limit 10' },
  }),
  defineOperation({
    name: 'customer.list_contact_media',
    summary: "List a customer's contact media with their CM- ids",
    description: 'The email/phone/postal media of a customer, each with its CM- id (needed to remove one).',
    kind: 'read',
    destructive: false,
    services: ['crm'],
    input: z.object({ customerId: CustomerId }),
    run: (c, i) => c.crm.listContactMediums(i.customerId),
    render: (rows, { width }) => media(rows, width),
    cli: { command: ['customer', 'contact', 'list'], positional: ['customerId'], example: 'bss customer contact list CUST-01JZ8Q3V9KX2M7' },
  }),
  defineOperation({
    name: 'customer.add_contact_medium',
    summary: 'Add an email, phone or postal contact medium to a customer',
    description: 'Adds a contact medium; a customer gets active once it has one. Refusals: customer.contact_medium.* rule ids.',
    kind: 'create',
    destructive: false,
    services: ['crm'],
    input: z.object({ customerId: CustomerId, mediumType: z.enum(['email', 'phone', 'postal']).describe('Medium type'), value: Text(320, 'The address or number') }),
    run: (c, i) => c.crm.addContactMedium(i.customerId, { mediumType: i.mediumType, value: i.value }),
    render: (m) => `Added ${m.id}  ${m.mediumType} ${m.value}`,
    cli: { command: ['customer', 'contact', 'add'], positional: ['customerId'], flags: { mediumType: 'type' }, example: 'bss customer contact add CUST-01JZ8Q3V9KX2M7 --type phone --value +6591234567' },
  }),
  defineOperation({
    name: 'customer.remove_contact_medium',
    summary: 'Remove (end) a contact medium of a customer',
    description: 'Ends a contact medium. Destructive: the CLI needs --allow-destructive. Refused when it is the last medium of an active customer.',
    kind: 'delete',
    destructive: true,
    services: ['crm'],
    input: z.object({ customerId: CustomerId, mediumId: ContactMediumId }),
    run: async (c, i) => {
      await c.crm.removeContactMedium(i.customerId, i.mediumId);
      return { id: i.mediumId, removed: true as const };
    },
    render: (r) => `Removed ${r.id}`,
    cli: { command: ['customer', 'contact', 'remove'], positional: ['customerId', 'mediumId'], example: 'bss customer contact remove CUST-01JZ8Q3V9KX2M7 CM-01JZ8Q --allow-destructive' },
  }),
];
