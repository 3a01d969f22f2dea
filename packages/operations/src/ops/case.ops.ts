// Case operations (CRM): open, show with tickets and notes, list, note, priority, transitions, close, cancel.
import { crm } from '@bss/contracts';
import { z } from 'zod';
import { renderCase, type CaseView } from '../cards/case.card.ts';
import { table } from '../cards/table.ts';
import { AgentId, CaseId, CustomerId, Limit, Text } from '../fields.ts';
import { defineOperation } from '../operation.ts';

const line = (k: crm.Case) => `${k.id} '${k.subject}' [${k.state}]`;
const Priority = z.enum(['low', 'normal', 'medium', 'high', 'critical']).describe('Case priority');
const Category = z.enum(['technical', 'billing', 'general', 'complaint']).describe('Case category');

export const caseOps = [
  defineOperation({
    name: 'case.open',
    summary: 'Open a case for a customer (the parent of one or more tickets)',
    description: 'Opens a case in state open. Refusals: case.open.* rule ids (unknown customer, bad priority/category).',
    kind: 'create',
    destructive: false,
    services: ['crm'],
    input: z.object({
      customerId: CustomerId,
      subject: Text(300, 'One-line subject'),
      description: z.string().max(20_000).optional().describe('Details'),
      category: Category.default('technical'),
      priority: Priority.default('medium'),
    }),
    run: (c, i) => c.crm.openCase(i),
    render: (k) => `Opened ${line(k)}`,
    cli: { command: ['case', 'open'], flags: { customerId: 'customer' }, example: 'bss case open --customer CUST-01JZ8Q3V9KX2M7 --subject "No data since Monday" --priority high' },
  }),
  defineOperation({
    name: 'case.get',
    summary: 'Show a case with its tickets and notes',
    description: 'The case (notes, ticket ids) plus its tickets read in one list call.',
    kind: 'read',
    destructive: false,
    services: ['crm'],
    input: z.object({ caseId: CaseId }),
    async run(c, { caseId }): Promise<CaseView> {
      const [k, tickets] = await Promise.all([c.crm.getCase(caseId), c.crm.listTickets({ caseId, limit: 200 })]);
      return { case: k, tickets: tickets.items };
    },
    render: (v, o) => renderCase(v, o),
    cli: { command: ['case', 'show'], positional: ['caseId'], example: 'bss case show CASE-01JZ8Q3V9KX2M7' },
  }),
  defineOperation({
    name: 'case.list',
    summary: 'List cases, by customer, state or opening agent',
    description: 'Cases newest first, up to `limit`.',
    kind: 'read',
    destructive: false,
    services: ['crm'],
    input: z.object({ customerId: CustomerId.optional(), state: crm.CaseState.optional().describe('Case state'), agentId: AgentId.optional(), limit: Limit(50) }),
    run: async (c, i) => (await c.crm.listCases({ customerId: i.customerId, state: i.state, openedByAgentId: i.agentId, limit: i.limit })).items,
    render: (rows, { width }) =>
      table(
        'Cases',
        [
          { header: 'ID', cell: (k: crm.Case) => k.id, width: 31 },
          { header: 'Priority', cell: (k) => k.priority, width: 8 },
          { header: 'State', cell: (k) => k.state, width: 16 },
          { header: 'Subject', cell: (k) => k.subject },
        ],
        rows,
        width,
      ),
    cli: { command: ['case', 'list'], flags: { customerId: 'customer', agentId: 'agent' }, example: 'bss case list --customer CUST-01JZ8Q3V9KX2M7 --state open' },
  }),
  defineOperation({
    name: 'case.add_note',
    summary: 'Add a note to a case (append-only)',
    description: 'Appends a note; notes are never edited or removed.',
    kind: 'create',
    destructive: false,
    services: ['crm'],
    input: z.object({ caseId: CaseId, body: Text(20_000, 'The note'), agentId: AgentId.optional() }),
    run: (c, i) => c.crm.addCaseNote(i.caseId, { body: i.body, ...(i.agentId ? { authorAgentId: i.agentId } : {}) }),
    render: (n) => `Noted ${n.id} on ${n.caseId}`,
    cli: { command: ['case', 'note'], positional: ['caseId'], flags: { agentId: 'agent' }, example: 'bss case note CASE-01JZ8Q3V9KX2M7 --body "Customer rebooted the device"' },
  }),
  defineOperation({
    name: 'case.update_priority',
    summary: 'Change the priority of a case',
    description: 'Sets the priority (low, normal, medium, high, critical).',
    kind: 'update',
    destructive: false,
    services: ['crm'],
    input: z.object({ caseId: CaseId, priority: Priority }),
    run: (c, i) => c.crm.patchCase(i.caseId, { priority: i.priority }),
    render: (k) => `${k.id} priority → ${k.priority}`,
    cli: { command: ['case', 'priority'], positional: ['caseId', 'priority'], example: 'bss case priority CASE-01JZ8Q3V9KX2M7 high' },
  }),
  defineOperation({
    name: 'case.transition',
    summary: 'Move a case along its lifecycle: take, await_customer, resume, resolve',
    description:
      'Applies a trigger of the case state machine: take (open → in_progress), await_customer (→ pending_customer), resume (→ in_progress), resolve (→ resolved; needs every ticket resolved). Closing and cancelling are their own, destructive, operations. Refusals: case.transition.* rule ids naming the illegal move.',
    kind: 'update',
    destructive: false,
    services: ['crm'],
    input: z.object({ caseId: CaseId, trigger: z.enum(['take', 'await_customer', 'resume', 'resolve']).describe('Lifecycle trigger') }),
    run: (c, i) => c.crm.patchCase(i.caseId, { trigger: i.trigger }),
    render: (k) => `${k.id} → ${k.state}`,
    cli: { command: ['case', 'transition'], positional: ['caseId', 'trigger'], example: 'bss case transition CASE-01JZ8Q3V9KX2M7 take' },
  }),
  defineOperation({
    name: 'case.close',
    summary: 'Close a case (terminal; every ticket must be resolved or closed first)',
    description: 'Closes the case with a resolution code. Destructive: the CLI needs --allow-destructive. Refusal: case.close.requires_all_tickets_resolved names the open tickets.',
    kind: 'delete',
    destructive: true,
    services: ['crm'],
    input: z.object({ caseId: CaseId, resolutionCode: Text(100, 'Resolution code').default('resolved') }),
    run: (c, i) => c.crm.closeCase(i.caseId, i.resolutionCode),
    render: (k) => `Closed ${line(k)}`,
    cli: { command: ['case', 'close'], positional: ['caseId'], flags: { resolutionCode: 'resolution' }, example: 'bss case close CASE-01JZ8Q3V9KX2M7 --resolution fixed --allow-destructive' },
  }),
  defineOperation({
    name: 'case.cancel',
    summary: 'Cancel a case opened in error (terminal)',
    description: 'Applies the cancel trigger. Destructive (terminal, like ticket.cancel): the CLI needs --allow-destructive.',
    kind: 'delete',
    destructive: true,
    services: ['crm'],
    input: z.object({ caseId: CaseId }),
    run: (c, i) => c.crm.patchCase(i.caseId, { trigger: 'cancel' }),
    render: (k) => `${k.id} → ${k.state}`,
    cli: { command: ['case', 'cancel'], positional: ['caseId'], example: 'bss case cancel CASE-01JZ8Q3V9KX2M7 --allow-destructive' },
  }),
];
